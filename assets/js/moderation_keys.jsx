// Keyboard shortcuts of the moderation page.
//
// A key clicks the button that carries the same `data-shortcut`, so a shortcut
// can do nothing a mouse could not: a disabled button (no reason chosen, a save
// running, nothing open) stays disabled. If that button names a field to fill
// first (`data-shortcut-focus`), the field gets the focus instead. Nothing fires
// while the moderator types in a field or holds a modifier key.
import { useEffect } from "react";

const TYPING = ["INPUT", "TEXTAREA", "SELECT"];

function typing(target) {
  if (!target || !target.closest) return false;
  if (TYPING.includes(target.tagName) || target.isContentEditable) return true;
  // Radix menus (the reason select) keep the focus on a listbox while open.
  return Boolean(target.closest('[role="listbox"], [role="combobox"], [role="menu"]'));
}

export function ModerationKeys({ keys }) {
  useEffect(() => {
    const allowed = new Set((keys || "").split(""));
    const onKey = (event) => {
      if (event.defaultPrevented || event.repeat) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (typing(event.target)) return;
      const key = event.key === "?" ? "?" : event.key.toLowerCase();
      if (!allowed.has(key)) return;
      // An open zoom or help dialog takes the keys for itself (Escape closes it).
      if (key !== "?" && document.querySelector('[role="dialog"]')) return;
      const button = document.querySelector(`[data-shortcut="${CSS.escape(key)}"]`);
      if (!button) return;
      event.preventDefault();
      if (button.disabled || button.getAttribute("aria-disabled") === "true") {
        const field = button.dataset.shortcutFocus;
        if (field) document.getElementById(field)?.focus();
        return;
      }
      button.click();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [keys]);
  return null;
}
