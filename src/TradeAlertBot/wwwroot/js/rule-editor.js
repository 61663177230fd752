// The rule editor's live check: as the admin types (debounced), the query goes to the JSON check endpoint and the
// answer shows under the field: "Line L, column C: reason" in a status region that also describes the field, the
// offending line with a caret under the spot (visual only: the message says where), and aria-invalid on the field.
// No inline script: the page's CSP forbids it.
(() => {
  "use strict";
  const field = document.getElementById("query");
  const status = document.getElementById("query-check");
  const pointer = document.getElementById("query-pointer");
  if (!field || !status || !pointer) {
    return;
  }

  const token = field.form.querySelector("input[name=__af]");
  let timer = 0;
  let asked = 0;

  field.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(check, 350);
  });

  async function check() {
    const mine = ++asked;
    const body = new URLSearchParams({ query: field.value, __af: token ? token.value : "" });
    let answer;
    try {
      const response = await fetch(field.dataset.checkUrl, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      answer = await response.json();
    } catch {
      if (mine === asked) {
        show("The check is not available right now; the query is checked again when you save.", "", false);
      }
      return;
    }

    if (mine !== asked) {
      return; // a newer keystroke's answer is on its way
    }

    if (answer.ok) {
      show(field.value.trim() === "" ? "" : "No syntax errors.", "", false);
      return;
    }

    const { message, line, column } = answer.error;
    const text = field.value.replace(/\r\n?/g, "\n").split("\n")[line - 1] ?? "";
    show(`Line ${line}, column ${column}: ${message}`, text + "\n" + " ".repeat(Math.max(0, column - 1)) + "^", true);
  }

  function show(message, mark, invalid) {
    status.textContent = message;
    status.className = invalid ? "bad" : "check-ok";
    pointer.textContent = mark;
    pointer.hidden = mark === "";
    if (invalid) {
      field.setAttribute("aria-invalid", "true");
    } else {
      field.removeAttribute("aria-invalid");
    }
  }
})();
