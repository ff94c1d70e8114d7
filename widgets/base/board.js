// A board of cards in columns (widgets/base/board.py): drawn in the browser, every change sent to the kernel,
// which saves it to the workbook and sends the stored cards back. Texts only ever reach the page as text
// (textContent, value), never as markup.

const TYPING_PAUSE_MS = 400;

function element(tag, className, properties = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [key, value] of Object.entries(properties)) {
    if (key === "text") node.textContent = value;
    else if (key in node && !key.startsWith("aria") && key !== "role") node[key] = value;
    else node.setAttribute(key, value);
  }
  return node;
}

function button(className, text, label, onClick) {
  const node = element("button", `rl-cards-button ${className}`, { type: "button", text, title: label });
  node.setAttribute("aria-label", label);
  node.addEventListener("click", (event) => {
    event.stopPropagation();
    onClick();
  });
  return node;
}

function render({ model, el }) {
  const root = element("div", "rl-cards");
  el.appendChild(root);
  const pending = new Map(); // card id → { text, timer }: typed, not yet sent
  let dragged = null;
  let drawing = false;

  const labels = () => model.get("labels");
  const features = () => model.get("features");
  const send = (content) => model.send(content);

  function flush(id) {
    const typed = pending.get(id);
    if (!typed) return;
    clearTimeout(typed.timer);
    pending.delete(id);
    send({ action: "edit", id, text: typed.text });
  }
  const flushAll = () => [...pending.keys()].forEach(flush);

  function typedText(id, text) {
    const typed = pending.get(id);
    if (typed) clearTimeout(typed.timer);
    pending.set(id, { text, timer: setTimeout(() => flush(id), TYPING_PAUSE_MS) });
  }

  function columnCards(column) {
    return model.get("cards").filter((card) => card.column === column);
  }

  function place(id, column, index) {
    flush(id);
    send({ action: "place", id, column, index });
  }

  function moveByKey(card, key) {
    const columns = model.get("columns").map((c) => c.key);
    const here = columnCards(card.column).map((c) => c.id);
    const index = here.indexOf(card.id);
    if (key === "ArrowUp" && features().reorder && index > 0) place(card.id, card.column, index - 1);
    else if (key === "ArrowDown" && features().reorder && index < here.length - 1) place(card.id, card.column, index + 1);
    else if (key === "ArrowLeft" || key === "ArrowRight") {
      const next = columns.indexOf(card.column) + (key === "ArrowLeft" ? -1 : 1);
      if (next >= 0 && next < columns.length) place(card.id, columns[next], columnCards(columns[next]).length);
    } else return false;
    return true;
  }

  function cardKeys(event, card) {
    if (event.target !== event.currentTarget) return; // keys typed into the text belong to the text
    const f = features();
    if (moveByKey(card, event.key)) {
    } else if (event.key === "Enter") {
      event.currentTarget.querySelector("textarea").focus();
    } else if (event.key === "Delete" || event.key === "Backspace") {
      send({ action: "remove", id: card.id });
    } else if (f.dots && (event.key === "+" || event.key === "-")) {
      send({ action: "dot", id: card.id, step: event.key === "+" ? 1 : -1 });
    } else if (f.clusters && event.key.toLowerCase() === "b") {
      const here = columnCards(card.column);
      const above = here[here.findIndex((c) => c.id === card.id) - 1];
      if (above) send({ action: "bundle", id: card.id, onto: above.id });
    } else if (f.clusters && event.key.toLowerCase() === "l" && card.cluster) {
      send({ action: "unbundle", id: card.id });
    } else if (f.star && event.key === "*") {
      send({ action: "star", id: card.id });
    } else return;
    event.preventDefault();
  }

  function drawCard(card) {
    const l = labels();
    const f = features();
    const node = element("li", "rl-cards-card", { tabIndex: 0 });
    node.dataset.id = card.id;
    if (card.star) node.classList.add("rl-cards-starred");
    node.setAttribute("aria-label", `${l.card}: ${card.text}`);
    const grip = element("span", "rl-cards-grip", { text: "⠿", title: l.drag, draggable: true });
    grip.setAttribute("aria-hidden", "true");
    grip.addEventListener("dragstart", (event) => {
      flush(card.id);
      dragged = card.id;
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", card.id);
      event.dataTransfer.setDragImage(node, 12, 12);
      node.classList.add("rl-cards-dragging");
    });
    grip.addEventListener("dragend", () => {
      dragged = null;
      node.classList.remove("rl-cards-dragging");
      clearMarks();
    });
    const text = element("textarea", "rl-cards-text", { rows: 2, maxLength: model.get("max_length") });
    text.setAttribute("aria-label", l.text);
    text.value = pending.has(card.id) ? pending.get(card.id).text : card.text;
    text.addEventListener("input", () => typedText(card.id, text.value));
    text.addEventListener("blur", () => drawing || flush(card.id));
    text.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        flush(card.id);
        node.focus();
      }
    });
    const foot = element("div", "rl-cards-foot");
    if (f.dots) {
      const dots = element("span", "rl-cards-dots", { text: `● ${card.dots}`, title: card.dots_by || l.no_dots });
      foot.append(
        dots,
        button("rl-cards-dot-add", "+", l.dot_add, () => send({ action: "dot", id: card.id, step: 1 })),
      );
      const less = button("rl-cards-dot-take", "−", l.dot_take, () => send({ action: "dot", id: card.id, step: -1 }));
      less.disabled = !card.my_dots;
      foot.append(less);
    }
    if (f.star) {
      const star = button("rl-cards-star", card.star ? "★" : "☆", card.star ? l.unstar : l.star, () =>
        send({ action: "star", id: card.id }),
      );
      star.setAttribute("aria-pressed", card.star ? "true" : "false");
      foot.append(star);
    }
    if (card.tag) foot.append(element("span", "rl-cards-tag", { text: card.tag }));
    if (f.clusters && card.cluster) {
      foot.append(button("rl-cards-unbundle", l.unbundle, l.unbundle, () => send({ action: "unbundle", id: card.id })));
    }
    const head = element("div", "rl-cards-card-head");
    head.append(grip, text, button("rl-cards-remove", "✕", l.remove, () => send({ action: "remove", id: card.id })));
    node.append(head);
    if (foot.children.length) node.append(foot);
    node.addEventListener("keydown", (event) => cardKeys(event, card));
    node.addEventListener("dragover", (event) => overCard(event, node, card));
    node.addEventListener("drop", (event) => dropOnCard(event, node, card));
    return node;
  }

  function clearMarks() {
    root.querySelectorAll(".rl-cards-before, .rl-cards-after, .rl-cards-bundle-target, .rl-cards-over").forEach((n) =>
      n.classList.remove("rl-cards-before", "rl-cards-after", "rl-cards-bundle-target", "rl-cards-over"),
    );
  }

  // Where a card held over another lands: its upper or lower third before or after it; the middle bundles them.
  function dropZone(event, node) {
    const box = node.getBoundingClientRect();
    const share = (event.clientY - box.top) / box.height;
    if (features().clusters && share > 0.3 && share < 0.7) return "bundle";
    return share < 0.5 ? "before" : "after";
  }

  function overCard(event, node, card) {
    if (!dragged || dragged === card.id) return;
    event.preventDefault();
    event.stopPropagation();
    clearMarks();
    const zone = dropZone(event, node);
    node.classList.add(zone === "bundle" ? "rl-cards-bundle-target" : `rl-cards-${zone}`);
  }

  function dropOnCard(event, node, card) {
    if (!dragged || dragged === card.id) return;
    event.preventDefault();
    event.stopPropagation();
    const id = dragged;
    const zone = dropZone(event, node);
    clearMarks();
    if (zone === "bundle") {
      send({ action: "bundle", id, onto: card.id });
      return;
    }
    const others = columnCards(card.column).filter((c) => c.id !== id);
    const index = others.findIndex((c) => c.id === card.id) + (zone === "after" ? 1 : 0);
    place(id, card.column, index);
  }

  function drawColumn(column) {
    const l = labels();
    const section = element("section", `rl-cards-column rl-cards-column-${column.key}`);
    section.dataset.column = column.key;
    const cards = columnCards(column.key);
    const title = element("h4", "rl-cards-title", { text: column.title });
    title.append(element("span", "rl-cards-count", { text: String(cards.length) }));
    section.append(title);
    if (column.help) section.append(element("p", "rl-cards-help", { text: column.help }));
    const list = element("ol", "rl-cards-cards");
    list.setAttribute("aria-label", column.title);
    let bundle = null;
    for (const card of cards) {
      if (card.cluster && bundle && bundle.dataset.cluster === card.cluster) {
        bundle.querySelector("ol").append(drawCard(card));
        continue;
      }
      if (card.cluster) {
        bundle = element("li", "rl-cards-bundle");
        bundle.dataset.cluster = card.cluster;
        const members = cards.filter((c) => c.cluster === card.cluster);
        const total = members.reduce((sum, c) => sum + (c.dots || 0), 0);
        const head = element("div", "rl-cards-bundle-head", { text: l.bundle.replace("{count}", members.length) });
        if (features().dots) head.append(element("span", "rl-cards-dots", { text: `● ${total}` }));
        bundle.append(head, element("ol", "rl-cards-bundle-cards"));
        bundle.querySelector("ol").append(drawCard(card));
        list.append(bundle);
        continue;
      }
      bundle = null;
      list.append(drawCard(card));
    }
    if (!cards.length) list.append(element("li", "rl-cards-empty", { text: l.empty }));
    section.append(list);
    section.addEventListener("dragover", (event) => {
      if (!dragged) return;
      event.preventDefault();
      clearMarks();
      section.classList.add("rl-cards-over");
    });
    section.addEventListener("dragleave", (event) => {
      if (!section.contains(event.relatedTarget)) section.classList.remove("rl-cards-over");
    });
    section.addEventListener("drop", (event) => {
      if (!dragged) return;
      event.preventDefault();
      const id = dragged;
      clearMarks();
      place(id, column.key, columnCards(column.key).filter((c) => c.id !== id).length);
    });
    if (features().add) {
      const form = element("form", "rl-cards-add");
      form.dataset.column = column.key;
      const input = element("input", "rl-cards-new", {
        type: "text",
        placeholder: l.placeholder,
        maxLength: model.get("max_length"),
      });
      input.setAttribute("aria-label", `${l.add}: ${column.title}`);
      form.append(input, element("button", "rl-cards-button rl-cards-add-button", { type: "submit", text: l.add }));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        send({ action: "add", column: column.key, text: input.value });
      });
      section.append(form);
    }
    return section;
  }

  // A redraw keeps what the visitor is doing: the focused card or text (with its caret) and what was typed.
  function remember() {
    const active = document.activeElement;
    if (!active || !root.contains(active)) return null;
    const card = active.closest("[data-id]");
    const form = active.closest("form.rl-cards-add");
    return {
      id: card ? card.dataset.id : null,
      column: form ? form.dataset.column : null,
      inText: active.tagName === "TEXTAREA",
      value: active.value,
      start: active.selectionStart,
      end: active.selectionEnd,
    };
  }

  function restore(focus, typed) {
    for (const [column, value] of Object.entries(typed)) {
      const input = root.querySelector(`form[data-column="${CSS.escape(column)}"] input`);
      if (input) input.value = value;
    }
    if (!focus) return;
    let target = null;
    if (focus.id) {
      const card = root.querySelector(`[data-id="${CSS.escape(focus.id)}"]`);
      target = card && (focus.inText ? card.querySelector("textarea") : card);
    } else if (focus.column) {
      target = root.querySelector(`form[data-column="${CSS.escape(focus.column)}"] input`);
    }
    if (!target) return;
    if (focus.inText) target.value = focus.value; // what is being typed stays, until it is saved
    target.focus();
    if (focus.start != null && target.setSelectionRange) target.setSelectionRange(focus.start, focus.end);
  }

  function draw() {
    const focus = remember();
    const typed = {};
    root.querySelectorAll("form.rl-cards-add").forEach((form) => {
      typed[form.dataset.column] = form.querySelector("input").value;
    });
    drawing = true;
    try {
      const columns = element("div", "rl-cards-columns");
      columns.style.gridTemplateColumns = `repeat(auto-fit, minmax(${model.get("column_width")}px, 1fr))`;
      columns.append(...model.get("columns").map(drawColumn));
      const help = element("p", "rl-cards-keys", { text: labels().keys });
      root.replaceChildren(columns, help);
      restore(focus, typed);
    } finally {
      drawing = false;
    }
  }

  function received(content) {
    if (content.event === "added") {
      const input = root.querySelector(`form[data-column="${CSS.escape(content.column)}"] input`);
      if (input) {
        input.value = "";
        input.focus();
      }
    }
  }

  draw();
  model.on("change:cards", draw);
  model.on("change:columns", draw);
  model.on("msg:custom", received);
  window.addEventListener("pagehide", flushAll);
  return () => {
    flushAll();
    window.removeEventListener("pagehide", flushAll);
    model.off("change:cards", draw);
    model.off("change:columns", draw);
    model.off("msg:custom", received);
  };
}

export default { render };
