// The CNIC number, typed as people do: 3520212345673, 35202-1234567-3, with
// spaces, or in Urdu digits. Dashes appear as the digits are typed; what was
// typed is kept in this browser (for this owner) until the server took it.
//
// The input is uncontrolled, so typing never waits for the server. The server is
// the authority: onCheck(value, final) asks it whenever the number becomes
// complete or incomplete, and on leaving the field (final: show the problem).
import { useEffect, useRef } from "react";

const DIGITS = 13;

export function cnicDigits(text) {
  return text
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[^0-9]/g, "")
    .slice(0, DIGITS);
}

export function formatCnic(digits) {
  if (digits.length <= 5) return digits;
  if (digits.length <= 12) return `${digits.slice(0, 5)}-${digits.slice(5)}`;
  return `${digits.slice(0, 5)}-${digits.slice(5, 12)}-${digits.slice(12)}`;
}

function readDraft(storageKey, owner) {
  try {
    const draft = JSON.parse(window.localStorage.getItem(storageKey) || "null");
    return draft && draft.owner === owner ? draft.value : "";
  } catch (error) {
    return "";
  }
}

export function CnicInput({ id, name, storageKey, owner, describedBy, invalid, onCheck }) {
  const input = useRef(null);
  const complete = useRef(false);

  const report = (final) => {
    const value = input.current ? input.current.value : "";
    complete.current = cnicDigits(value).length === DIGITS;
    onCheck(value, final);
  };

  useEffect(() => {
    const field = input.current;
    if (!field || !owner) return;
    const saved = readDraft(storageKey, owner);
    if (saved && !field.value) field.value = formatCnic(cnicDigits(saved));
    if (field.value) report(false);
  }, [owner, storageKey]);

  const typed = (event) => {
    const field = event.target;
    // Keep the caret after the same number of digits once dashes are put in.
    const caret = field.selectionStart ?? field.value.length;
    const digitsBefore = cnicDigits(field.value.slice(0, caret)).length;
    const digits = cnicDigits(field.value);
    const formatted = formatCnic(digits);
    if (formatted !== field.value) {
      field.value = formatted;
      let position = 0;
      for (let seen = 0; position < formatted.length && seen < digitsBefore; position += 1) {
        if (/[0-9]/.test(formatted[position])) seen += 1;
      }
      field.setSelectionRange(position, position);
    }
    if (owner) {
      window.localStorage.setItem(storageKey, JSON.stringify({ owner, value: formatted }));
    }
    if ((digits.length === DIGITS) !== complete.current) report(false);
  };

  return (
    <div className="rt-TextFieldRoot rt-r-size-3 rt-variant-surface pk-cnic-field">
      <input
        ref={input}
        id={id}
        name={name}
        className="rt-reset rt-TextFieldInput"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        dir="ltr"
        maxLength={20}
        placeholder="35202-1234567-3"
        onInput={typed}
        onBlur={() => report(true)}
        aria-invalid={invalid ? "true" : "false"}
        aria-describedby={describedBy}
        data-testid="cnic-input"
      />
    </div>
  );
}
