// A date or time field in the course's German form (widgets/base/datefield.py). The text is read in the
// kernel when the field is left or Enter is pressed; the browser's own calendar or clock sits behind the
// button and hands its ISO value over as text, which the kernel reads like anything typed.

function render({ model, el }) {
  const kind = model.get("kind");
  const labels = model.get("labels");
  const root = document.createElement("div");
  root.className = "rl-datefield";
  const text = document.createElement("input");
  text.type = "text";
  text.className = "rl-datefield-text";
  text.placeholder = labels.placeholder;
  text.autocomplete = "off";
  text.inputMode = kind === "date" ? "numeric" : "text";
  text.maxLength = 40;
  const picker = document.createElement("input");
  picker.type = kind;
  picker.className = "rl-datefield-picker";
  picker.tabIndex = -1;
  picker.setAttribute("aria-hidden", "true");
  const open = document.createElement("button");
  open.type = "button";
  open.className = "rl-datefield-open";
  open.textContent = kind === "date" ? "📅" : "🕒";
  open.title = labels.pick;
  open.setAttribute("aria-label", labels.pick);
  const problem = document.createElement("div");
  problem.className = "rl-datefield-problem";
  problem.setAttribute("role", "alert");
  root.append(text, open, picker);
  el.append(root, problem);

  function commit(value) {
    if (value === model.get("text")) return;
    model.set("text", value);
    model.save_changes();
  }
  text.addEventListener("change", () => commit(text.value.trim()));
  text.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    commit(text.value.trim());
    model.send({ event: "submit" }); // after the text: the form's primary button sees the date
  });
  open.addEventListener("click", () => {
    picker.value = model.get("iso");
    if (picker.showPicker) {
      try {
        picker.showPicker();
        return;
      } catch (error) {
        // not allowed here (e.g. inside a cross-origin frame): the field itself still takes typed text
      }
    }
    text.focus();
  });
  picker.addEventListener("change", () => {
    if (picker.value) commit(picker.value);
  });

  function show() {
    if (document.activeElement !== text || text.value.trim() === model.get("text")) text.value = model.get("text");
    const message = model.get("problem");
    problem.textContent = message;
    root.classList.toggle("rl-datefield-invalid", message !== "");
    text.setAttribute("aria-invalid", message ? "true" : "false");
  }
  model.on("change:text", show);
  model.on("change:problem", show);
  show();
}

export default { render };
