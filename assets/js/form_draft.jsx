// Keeps what someone typed into a form in this browser until the server saved it.
//
// A reload, a closed tab or a dropped connection loses nothing: every input is
// copied to localStorage (for this owner only), and put back into the empty form
// next time. The server clears the draft when a save succeeds.
//
// A draft also remembers what the form showed when the typing began (its "base").
// It is put back only over that same form: if the saved profile changed since
// (saved here a moment before the page left, or in another tab, or by the header's
// language switch), the draft is older than what it would overwrite, and is dropped.
import { useEffect } from "react";

const FIELDS = ["INPUT", "SELECT", "TEXTAREA"];

function readDraft(storageKey, owner) {
  try {
    const draft = JSON.parse(window.localStorage.getItem(storageKey) || "null");
    return draft && draft.owner === owner ? draft : null;
  } catch (error) {
    return null;
  }
}

const formValues = (form) => Object.fromEntries(new FormData(form).entries());

function sameValues(a, b) {
  const keys = new Set([...Object.keys(a || {}), ...Object.keys(b || {})]);
  return [...keys].every((key) => (a || {})[key] === (b || {})[key]);
}

// Set a field the way typing would, so React (and Reflex's on_change) sees it.
function setField(field, value) {
  // Looked up here, not at import: pages are also rendered on the server (no DOM).
  const prototype = Object.getPrototypeOf(field);
  const setter = Object.getOwnPropertyDescriptor(prototype, "value").set;
  setter.call(field, value);
  const type = field.tagName === "SELECT" ? "change" : "input";
  field.dispatchEvent(new Event(type, { bubbles: true }));
}

export function FormDraft({ formId, storageKey, owner }) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!form || !owner) return undefined;
    const shown = formValues(form); // what the server filled the form with
    const draft = readDraft(storageKey, owner);
    const fits = draft && sameValues(draft.base, shown);
    if (draft && !fits) window.localStorage.removeItem(storageKey);
    const values = fits ? draft.values : null;
    const base = fits ? draft.base : shown;
    let tries = 0;
    let timer = null;
    // A city menu is filled only after its province reached the server: retry.
    const restore = () => {
      let pending = false;
      for (const field of form.elements) {
        if (!field.name || !FIELDS.includes(field.tagName) || !(field.name in values)) continue;
        const wanted = values[field.name];
        if (field.type === "radio") {
          // Radix radio groups keep a hidden input per item; press the item itself.
          if (field.value === wanted && !field.checked) {
            const item = form.querySelector(`[role=radio][value="${CSS.escape(wanted)}"]`);
            if (item) item.click();
          }
          continue;
        }
        if (field.value === wanted) continue;
        if (field.tagName === "SELECT" && ![...field.options].some((o) => o.value === wanted)) {
          pending = true;
          continue;
        }
        setField(field, wanted);
      }
      if (pending && tries++ < 15) timer = window.setTimeout(restore, 200);
    };
    if (values) restore();

    const save = () => {
      const current = formValues(form);
      window.localStorage.setItem(storageKey, JSON.stringify({ owner, base, values: current }));
    };
    form.addEventListener("input", save);
    form.addEventListener("change", save);
    return () => {
      window.clearTimeout(timer);
      form.removeEventListener("input", save);
      form.removeEventListener("change", save);
    };
  }, [formId, storageKey, owner]);
  return null;
}
