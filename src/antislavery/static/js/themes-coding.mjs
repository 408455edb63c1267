// Single-key shortcuts on the coding page. The page works without this file: the buttons
// and links carry access keys, and the checkboxes are ordinary form fields.
const form = document.querySelector('form[data-module="themes-coding"]');

function typing(target) {
  return target.closest('input[type="text"], textarea, select, [contenteditable="true"]');
}

function press(button) {
  if (button) {
    button.click();
  }
}

if (form) {
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) {
      return;
    }
    const key = event.key.toLowerCase();
    if (/^[1-9]$/.test(key)) {
      const box = form.querySelector(`input[data-shortcut="${key}"]`);
      if (box) {
        box.checked = !box.checked;
        box.focus();
        event.preventDefault();
      }
      return;
    }
    const actions = { s: "save", a: "accept", r: "none" };
    if (key in actions) {
      press(form.querySelector(`button[name="action"][value="${actions[key]}"]`));
      event.preventDefault();
    } else if (key === "n" || key === "p") {
      const link = document.querySelector(`a[rel="${key === "n" ? "next" : "prev"}"]`);
      if (link) {
        window.location.assign(link.href);
        event.preventDefault();
      }
    }
  });
  // Lets a person's assistive tools and the browser tests know the shortcuts are live.
  form.dataset.shortcutsReady = "true";
}
