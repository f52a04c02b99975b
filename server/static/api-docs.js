// The API page: Swagger UI (vendored) reading the schema named by #swagger-ui's data-spec.
// "Try it out" requests go with the login cookie; this adds the CSRF header the API wants.
(function () {
  "use strict";

  function start() {
    var root = document.getElementById("swagger-ui");
    if (!root || !window.SwaggerUIBundle) return;
    var headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
    window.SwaggerUIBundle({
      url: root.getAttribute("data-spec"),
      domNode: root,
      deepLinking: false,
      requestInterceptor: function (request) {
        if (headers["X-CSRF-Token"]) request.headers["X-CSRF-Token"] = headers["X-CSRF-Token"];
        return request;
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
