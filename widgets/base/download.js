// One click, one file (widgets/base/downloads.py): the button asks the kernel for the file, the kernel makes
// it now – from the workbook as it is – and sends it back as bytes, which the browser saves under its name.

function render({ model, el }) {
  const node = document.createElement("button");
  node.type = "button";
  node.className = "rl-download-button";
  node.textContent = model.get("description");
  node.title = model.get("tooltip") || "";
  el.appendChild(node);

  node.addEventListener("click", () => {
    node.disabled = true;
    node.classList.add("rl-download-busy");
    model.send({ event: "download" });
  });
  model.on("msg:custom", (message, buffers) => {
    node.disabled = false;
    node.classList.remove("rl-download-busy");
    if (message.event !== "file") return; // "failed": the tool's notice says why
    const url = URL.createObjectURL(new Blob(buffers, { type: message.mime }));
    const link = document.createElement("a");
    link.href = url;
    link.download = message.filename;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  });
}

export default { render };
