// Entry point for server/static/vendor/codemirror-<version>.min.js.
// esbuild bundles this (and the CodeMirror 6 packages it imports) into one
// IIFE that needs no module loader and defines window.KatabankEditor.
//
//   const ed = KatabankEditor.create(textarea, {onChange(text) { ... }});
//   ed.getValue(); ed.setValue("print(1)\n"); ed.focus(); ed.destroy();
//
// The <textarea> stays in the page (hidden) and its value is kept equal to
// the editor's text, so ordinary forms and htmx requests submit the code.
// See tools/vendor/README.md for the full API.

import {Annotation, Compartment, EditorState, Transaction} from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  placeholder as placeholderExt,
} from "@codemirror/view";
import {defaultKeymap, history, historyKeymap, indentWithTab} from "@codemirror/commands";
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  indentUnit,
  syntaxHighlighting,
} from "@codemirror/language";
import {python} from "@codemirror/lang-python";
import {sql, SQLite} from "@codemirror/lang-sql";

const VERSION = __KATABANK_EDITOR_VERSION__; // replaced by build.mjs

// Marks transactions made by setValue() so they are not reported as edits.
const fromSetValue = Annotation.define();

const lightTheme = EditorView.theme(
  {
    "&": {
      backgroundColor: "#ffffff",
      color: "#1f2328",
      border: "1px solid #c8ccd0",
      borderRadius: "4px",
      fontSize: "14px",
    },
    "&.cm-focused": {
      outline: "2px solid #3b82f6",
      outlineOffset: "1px",
    },
    ".cm-scroller": {
      fontFamily:
        'ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace',
      lineHeight: "1.5",
      overflow: "auto",
    },
    ".cm-content": {caretColor: "#1f2328"},
    ".cm-cursor, .cm-dropCursor": {borderLeftColor: "#1f2328"},
    ".cm-gutters": {
      backgroundColor: "#f6f8fa",
      color: "#6e7781",
      borderRight: "1px solid #d8dee4",
    },
    ".cm-activeLine": {backgroundColor: "#f3f6fa"},
    ".cm-activeLineGutter": {backgroundColor: "#e8edf3", color: "#1f2328"},
    "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection":
      {backgroundColor: "#cfe3ff"},
    "&.cm-focused .cm-matchingBracket": {
      backgroundColor: "#d6f5d6",
      outline: "1px solid #8fd18f",
    },
    "&.cm-focused .cm-nonmatchingBracket": {backgroundColor: "#ffd7d5"},
    ".cm-placeholder": {color: "#8c959f"},
  },
  {dark: false},
);

function cssSize(v) {
  return typeof v === "number" ? v + "px" : v;
}

function sizeTheme(minHeight, maxHeight) {
  const spec = {};
  if (minHeight) spec[".cm-content, .cm-gutter"] = {minHeight: cssSize(minHeight)};
  if (maxHeight) spec["&"] = {maxHeight: cssSize(maxHeight)};
  return EditorView.theme(spec);
}

function labelAttributes(textarea) {
  const attrs = {};
  const ariaLabel = textarea.getAttribute("aria-label");
  const labelledBy = textarea.getAttribute("aria-labelledby");
  const describedBy = textarea.getAttribute("aria-describedby");
  if (ariaLabel) attrs["aria-label"] = ariaLabel;
  else if (labelledBy) attrs["aria-labelledby"] = labelledBy;
  else if (textarea.labels && textarea.labels.length) {
    const label = textarea.labels[0];
    if (!label.id) label.id = (textarea.id || textarea.name || "katabank-editor") + "-label";
    attrs["aria-labelledby"] = label.id;
  } else {
    attrs["aria-label"] = "Code editor";
  }
  if (describedBy) attrs["aria-describedby"] = describedBy;
  return attrs;
}

const instances = new WeakMap();

function fire(textarea, type) {
  textarea.dispatchEvent(new Event(type, {bubbles: true}));
}

/**
 * Replace `textarea` with a CodeMirror 6 editor (the textarea is hidden, not
 * removed, and its value tracks the editor's text).
 *
 * options:
 *   onChange(text, editor)  called after every user edit (not after setValue
 *                           unless {notify: true})
 *   language     "python" (default), "sql" (SQLite dialect) or "text" (no highlighting)
 *   readOnly     default: textarea.readOnly || textarea.disabled
 *   indentUnit   default "    " (four spaces)
 *   tabSize      default 4
 *   minHeight    CSS length or px number; default from textarea rows
 *   maxHeight    CSS length or px number; the editor scrolls beyond it
 *   lineWrapping default false
 *   placeholder  default textarea.placeholder
 *   autofocus    default textarea.autofocus
 *   value        initial text; default textarea.value
 *   nonce        the page's CSP nonce for styles: CodeMirror adds its styles in a
 *                <style> element, which a `style-src 'self'` policy blocks otherwise
 *
 * Calling create() again on the same textarea returns the existing editor.
 */
function create(textarea, options = {}) {
  if (!(textarea instanceof HTMLTextAreaElement)) {
    throw new TypeError("KatabankEditor.create: expected a <textarea> element");
  }
  const existing = instances.get(textarea);
  if (existing) return existing;

  const opts = options || {};
  const readOnly = opts.readOnly ?? (textarea.readOnly || textarea.disabled);
  const rows = textarea.rows || 10;
  const minHeight = opts.minHeight ?? `${(rows * 1.5).toFixed(1)}em`;
  const placeholderText = opts.placeholder ?? textarea.placeholder;
  const language = opts.language ?? "python";

  let dirtySinceChange = false; // edits not yet announced by a "change" event
  let editor; // forward reference for the listener

  const readOnlyCompartment = new Compartment();
  const historyCompartment = new Compartment();

  const extensions = [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    historyCompartment.of(history()),
    drawSelection(),
    EditorState.allowMultipleSelections.of(false),
    indentOnInput(),
    syntaxHighlighting(defaultHighlightStyle, {fallback: true}),
    bracketMatching(),
    highlightActiveLine(),
    indentUnit.of(opts.indentUnit ?? "    "),
    EditorState.tabSize.of(opts.tabSize ?? 4),
    keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
    lightTheme,
    sizeTheme(minHeight, opts.maxHeight),
    EditorView.contentAttributes.of(labelAttributes(textarea)),
    readOnlyCompartment.of([
      EditorState.readOnly.of(!!readOnly),
      EditorView.editable.of(!readOnly),
    ]),
    EditorView.updateListener.of((update) => {
      if (!update.docChanged) return;
      const text = update.state.doc.toString();
      textarea.value = text;
      const external = update.transactions.some((tr) => tr.annotation(fromSetValue) === "silent");
      if (external) return;
      dirtySinceChange = true;
      fire(textarea, "input");
      if (typeof opts.onChange === "function") opts.onChange(text, editor);
    }),
    EditorView.domEventHandlers({
      blur() {
        if (dirtySinceChange) {
          dirtySinceChange = false;
          fire(textarea, "change");
        }
        return false;
      },
    }),
  ];
  if (language === "python") extensions.push(python());
  if (language === "sql") extensions.push(sql({dialect: SQLite}));
  if (opts.lineWrapping) extensions.push(EditorView.lineWrapping);
  if (placeholderText) extensions.push(placeholderExt(placeholderText));
  if (opts.nonce) extensions.push(EditorView.cspNonce.of(opts.nonce));

  const view = new EditorView({
    state: EditorState.create({doc: opts.value ?? textarea.value, extensions}),
  });
  view.dom.classList.add("katabank-editor");
  textarea.value = view.state.doc.toString();

  // Hide the textarea but keep it in the form so it is still submitted.
  const previousDisplay = textarea.style.display;
  textarea.style.display = "none";
  textarea.setAttribute("data-katabank-editor", "");
  textarea.insertAdjacentElement("afterend", view.dom);

  // A form reset restores the textarea's default value; mirror it.
  const form = textarea.form;
  const onReset = () => setTimeout(() => editor.setValue(textarea.value), 0);
  if (form) form.addEventListener("reset", onReset);

  editor = {
    view,
    textarea,
    getValue() {
      return view.state.doc.toString();
    },
    /**
     * Replace the whole text. The textarea is updated at once. By default no
     * input/change event is dispatched and onChange is not called (like
     * setting textarea.value); pass {notify: true} to announce it as an edit.
     * Pass {clearHistory: true} to start a fresh undo history (e.g. after
     * loading a saved draft), otherwise the replacement can be undone.
     */
    setValue(text, setOpts = {}) {
      const value = text == null ? "" : String(text);
      const notify = !!setOpts.notify;
      const clear = !!setOpts.clearHistory;
      view.dispatch({
        changes: {from: 0, to: view.state.doc.length, insert: value},
        selection: {anchor: Math.min(view.state.selection.main.head, value.length)},
        annotations: [
          fromSetValue.of(notify ? "notify" : "silent"),
          Transaction.addToHistory.of(!clear),
        ],
        // Dropping the history extension discards its state...
        effects: clear ? historyCompartment.reconfigure([]) : [],
      });
      // ...and adding it back starts an empty one.
      if (clear) view.dispatch({effects: historyCompartment.reconfigure(history())});
      textarea.value = value;
      if (notify) {
        dirtySinceChange = false;
        fire(textarea, "change");
      }
    },
    setReadOnly(flag) {
      view.dispatch({
        effects: readOnlyCompartment.reconfigure([
          EditorState.readOnly.of(!!flag),
          EditorView.editable.of(!flag),
        ]),
      });
    },
    focus() {
      view.focus();
    },
    /** Remove the editor and show the textarea again (with the current text). */
    destroy() {
      textarea.value = view.state.doc.toString();
      if (form) form.removeEventListener("reset", onReset);
      view.destroy();
      textarea.style.display = previousDisplay;
      textarea.removeAttribute("data-katabank-editor");
      instances.delete(textarea);
    },
  };
  instances.set(textarea, editor);

  if (opts.autofocus ?? textarea.autofocus) view.focus();
  return editor;
}

function get(textarea) {
  return instances.get(textarea) || null;
}

window.KatabankEditor = {version: VERSION, create, get};
