// Builds server/static/vendor/ from the pinned npm packages in this folder.
//
//   cd tools/vendor && npm ci && node build.mjs
//
// Output (versions come from the installed packages):
//   htmx-<v>.min.js
//   katex-<v>/{katex.min.js, katex.min.css, contrib/auto-render.min.js, fonts/*.woff2, LICENSE}
//   codemirror-<@codemirror/view v>.min.js   (IIFE defining window.KatabankEditor)
//   swagger-ui-<v>/swagger-ui-bundle.js, swagger-ui.css, LICENSE (+ bundle licence notes)
//   LICENSES.md
//
// The script deletes and rewrites everything it owns under server/static/vendor/.

import {build} from "esbuild";
import fs from "node:fs";
import path from "node:path";
import {fileURLToPath} from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const nm = path.join(here, "node_modules");
const outDir = path.resolve(here, "../../server/static/vendor");

function pkgJson(name) {
  return JSON.parse(fs.readFileSync(path.join(nm, name, "package.json"), "utf8"));
}
function licenseText(name) {
  const dir = path.join(nm, name);
  const file = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  if (!file) throw new Error(`no licence file in ${name}`);
  return fs.readFileSync(path.join(dir, file), "utf8").trim();
}
function copy(from, to) {
  fs.mkdirSync(path.dirname(to), {recursive: true});
  fs.copyFileSync(from, to);
}
function fail(msg) {
  console.error("build.mjs: " + msg);
  process.exit(1);
}

const htmxV = pkgJson("htmx.org").version;
const katexV = pkgJson("katex").version;
const cmV = pkgJson("@codemirror/view").version;
const swaggerV = pkgJson("swagger-ui-dist").version;

// Sanity: the versions the recipe promises.
if (!htmxV.startsWith("2.")) fail(`expected htmx 2.x, got ${htmxV}`);
if (!katexV.startsWith("0.16.")) fail(`expected KaTeX 0.16.x, got ${katexV}`);
if (!swaggerV.startsWith("5.")) fail(`expected swagger-ui-dist 5.x, got ${swaggerV}`);

// Start clean: remove previous outputs (old versions included).
fs.mkdirSync(outDir, {recursive: true});
for (const entry of fs.readdirSync(outDir)) {
  if (/^(htmx-.*\.min\.js|katex-[^/]+|codemirror-.*\.min\.js|swagger-ui-[^/]+|LICENSES\.md)$/.test(entry)) {
    fs.rmSync(path.join(outDir, entry), {recursive: true, force: true});
  }
}

// 1. htmx
const htmxOut = `htmx-${htmxV}.min.js`;
copy(path.join(nm, "htmx.org/dist/htmx.min.js"), path.join(outDir, htmxOut));

// 2. KaTeX
const katexDir = `katex-${katexV}`;
const kSrc = path.join(nm, "katex/dist");
const kOut = path.join(outDir, katexDir);
copy(path.join(kSrc, "katex.min.js"), path.join(kOut, "katex.min.js"));
copy(path.join(kSrc, "contrib/auto-render.min.js"), path.join(kOut, "contrib/auto-render.min.js"));
copy(path.join(nm, "katex/LICENSE"), path.join(kOut, "LICENSE"));
for (const f of fs.readdirSync(path.join(kSrc, "fonts"))) {
  if (f.endsWith(".woff2")) copy(path.join(kSrc, "fonts", f), path.join(kOut, "fonts", f));
}
// Trim each @font-face src list to its woff2 entry (every browser we
// support reads woff2; the woff/ttf files are not shipped).
let css = fs.readFileSync(path.join(kSrc, "katex.min.css"), "utf8");
const before = css.length;
css = css.replace(
  /(url\(([^)]+\.woff2)\) format\("woff2"\)),url\([^)]+\.woff\) format\("woff"\),url\([^)]+\.ttf\) format\("truetype"\)/g,
  "$1",
);
if (/\.(woff|ttf)\)/.test(css)) fail("katex.min.css still references .woff/.ttf files; update the trim regex");
for (const m of css.matchAll(/url\(([^)]+)\)/g)) {
  if (!fs.existsSync(path.join(kOut, m[1]))) fail(`katex.min.css references missing ${m[1]}`);
}
fs.writeFileSync(path.join(kOut, "katex.min.css"), css);
console.log(`katex.min.css: trimmed font sources (${before} -> ${css.length} bytes)`);

// 3. CodeMirror bundle
const cmOut = `codemirror-${cmV}.min.js`;
const result = await build({
  entryPoints: [path.join(here, "editor-entry.js")],
  bundle: true,
  format: "iife",
  minify: true,
  target: ["es2020"],
  platform: "browser",
  legalComments: "none",
  charset: "utf8",
  define: {__KATABANK_EDITOR_VERSION__: JSON.stringify(cmV)},
  banner: {
    js: `/* Katabank editor bundle: CodeMirror 6 (@codemirror/view ${cmV}) + lang-python + lang-sql. MIT licences, see LICENSES.md. Built by tools/vendor/build.mjs. */`,
  },
  metafile: true,
  outfile: path.join(outDir, cmOut),
  logLevel: "warning",
});

// Which npm packages ended up in the bundle (for the licence list).
const bundled = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m && !bundled.has(m[1])) bundled.set(m[1], pkgJson(m[1]));
}
const bundledNames = [...bundled.keys()].sort();

// 3b. Swagger UI for the API page: the browser bundle and its CSS, without the source-map
// comment (no .map is shipped), with the bundle's third-party licence notes and LICENSE.
const swaggerDir = `swagger-ui-${swaggerV}`;
fs.mkdirSync(path.join(outDir, swaggerDir), {recursive: true});
for (const name of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
  const text = fs.readFileSync(path.join(nm, "swagger-ui-dist", name), "utf8");
  const stripped = text.replace(/\n?\/[/*]# sourceMappingURL=[^\n]*\s*$/, "\n");
  if (/sourceMappingURL/.test(stripped.slice(-300))) fail(`${name}: source-map comment left`);
  fs.writeFileSync(path.join(outDir, swaggerDir, name), stripped);
}
copy(
  path.join(nm, "swagger-ui-dist/swagger-ui-bundle.js.LICENSE.txt"),
  path.join(outDir, swaggerDir, "swagger-ui-bundle.js.LICENSE.txt"),
);
copy(path.join(nm, "swagger-ui-dist/LICENSE"), path.join(outDir, swaggerDir, "LICENSE"));

// 4. LICENSES.md
const section = (title, name, usedFor) => {
  const p = pkgJson(name);
  return [
    `### ${title ?? name} ${p.version}`,
    "",
    `npm: \`${name}@${p.version}\` - licence: ${p.license}` + (usedFor ? ` - ${usedFor}` : ""),
    "",
    "```",
    licenseText(name),
    "```",
    "",
  ].join("\n");
};
const lines = [
  "# Third-party licences for server/static/vendor/",
  "",
  "Generated by `tools/vendor/build.mjs`; do not edit by hand.",
  "",
  "| File | Package(s) | Licence |",
  "| --- | --- | --- |",
  `| \`${htmxOut}\` | htmx.org ${htmxV} | ${pkgJson("htmx.org").license} |`,
  `| \`${katexDir}/\` | katex ${katexV} (JS, CSS, auto-render, woff2 fonts) | ${pkgJson("katex").license} |`,
  `| \`${cmOut}\` | ${bundledNames.map((n) => `${n} ${bundled.get(n).version}`).join(", ")} | ${[
    ...new Set(bundledNames.map((n) => bundled.get(n).license)),
  ].join(", ")} |`,
  `| \`${swaggerDir}/\` | swagger-ui-dist ${swaggerV} (bundle JS, CSS) | ${pkgJson("swagger-ui-dist").license} |`,
  "",
  "## htmx",
  "",
  section("htmx", "htmx.org", htmxOut),
  "## KaTeX",
  "",
  section("KaTeX", "katex", `${katexDir}/ (also copied as ${katexDir}/LICENSE)`),
  "## CodeMirror bundle",
  "",
  `Everything below is bundled into \`${cmOut}\`.`,
  "",
  ...bundledNames.map((n) => section(null, n, null)),
  "## Swagger UI",
  "",
  section(
    "Swagger UI",
    "swagger-ui-dist",
    `${swaggerDir}/ (the bundle's third-party notices: ${swaggerDir}/swagger-ui-bundle.js.LICENSE.txt)`,
  ),
];
fs.writeFileSync(path.join(outDir, "LICENSES.md"), lines.join("\n"));

// Report.
function size(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.size;
  return fs.readdirSync(p).reduce((s, f) => s + size(path.join(p, f)), 0);
}
for (const f of [htmxOut, katexDir, cmOut, swaggerDir, "LICENSES.md"]) {
  console.log(`${(size(path.join(outDir, f)) / 1024).toFixed(1).padStart(8)} KiB  server/static/vendor/${f}`);
}
console.log(`bundled into ${cmOut}: ${bundledNames.join(", ")}`);
