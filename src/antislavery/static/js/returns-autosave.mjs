// Saves a response's answers while people type (a version each time), so that little is lost
// if a browser closes. The form works the same without this: its buttons save on submit.
// Messages come translated from the page (data-* attributes on the status element).

const PAUSE_MS = 20000;

function start(form) {
  const status = document.getElementById(form.dataset.autosaveStatus);
  const basedOn = form.querySelector("input[name=based_on]");
  if (!status || !basedOn) return;
  let timer = null;
  let stopped = false;

  async function save() {
    timer = null;
    if (stopped) return;
    const data = new FormData(form);
    data.set("save", "1");
    let reply;
    try {
      reply = await fetch(form.action || window.location.href, {
        method: "POST", body: data, credentials: "same-origin",
        headers: { "X-Requested-With": "fetch", Accept: "application/json" },
      });
    } catch {
      status.textContent = status.dataset.offlineText;
      return;
    }
    const body = await reply.json().catch(() => ({}));
    if (reply.ok) {
      basedOn.value = String(body.version);
      status.textContent = status.dataset.savedText.replace("%(n)s", body.version);
    } else {
      // A conflict or a refusal: stop, and let the person save with the buttons.
      stopped = true;
      status.textContent = body.message || status.dataset.failedText;
    }
  }

  form.addEventListener("input", () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, Number(form.dataset.autosavePause) || PAUSE_MS);
  });
  form.addEventListener("submit", () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  });
  form.dataset.autosaveReady = "true";
}

document.querySelectorAll("form[data-autosave]").forEach(start);
