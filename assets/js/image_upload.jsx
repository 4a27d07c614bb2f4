// One photo of the CNIC (front or back): taken with the phone's rear camera or
// chosen from a file, uploaded at once to our own API with visible progress.
//
// Also exports uploadImage, which the live selfie uses too: an XMLHttpRequest
// (fetch cannot report upload progress) to POST /api/verification/uploads/{kind}
// with a fresh Clerk session token. The server is the authority on every image;
// the browser only shrinks very large photos so they travel on a slow connection.
import { useEffect, useRef, useState } from "react";

const BUTTON = "rt-reset rt-BaseButton rt-r-size-3 rt-Button";
const ACCEPT = "image/jpeg,image/png,image/webp";
const SHRINK_ABOVE_BYTES = 2_500_000; // phone photos are 3-12 MB; the server takes 8 MB
const SHRUNK_LONG_SIDE = 2200; // still sharp enough to read every digit of a CNIC
const UPLOAD_TIMEOUT_MS = 120_000;
const CLERK_WAIT_MS = 10_000; // clerk-js may still be restoring the session after a page load

// A fresh session token. Right after a page load clerk-js can be rendered but not
// yet hold its session: wait for it (a short while) instead of sending no token.
async function sessionToken() {
  const deadline = Date.now() + CLERK_WAIT_MS;
  while (Date.now() < deadline) {
    const clerk = window.Clerk;
    if (clerk && clerk.loaded && clerk.session) {
      try {
        return await clerk.session.getToken();
      } catch (error) {
        return null;
      }
    }
    if (clerk && clerk.loaded && !clerk.user) return null; // really signed out
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}

// Resolves (never rejects) with {status, body, network}: status 0 and network true
// when the request never got an answer (offline, timeout), so the caller keeps
// the image and offers to try again.
export async function uploadImage({ kind, blob, filename, code, cnic, onProgress }) {
  const token = await sessionToken();
  if (!token) return { status: 401, body: null, network: false };
  return new Promise((resolve) => {
    const form = new FormData();
    form.append("image", blob, filename);
    if (code) form.append("code", code);
    if (cnic) form.append("cnic", cnic);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/verification/uploads/${kind}`);
    xhr.setRequestHeader("Authorization", `Bearer ${token}`);
    xhr.timeout = UPLOAD_TIMEOUT_MS;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) {
        onProgress(Math.min(99, Math.round((event.loaded * 100) / event.total)));
      }
    };
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch (error) {
        body = null;
      }
      resolve({ status: xhr.status, body, network: false });
    };
    xhr.onerror = () => resolve({ status: 0, body: null, network: true });
    xhr.ontimeout = () => resolve({ status: 0, body: null, network: true });
    xhr.send(form);
  });
}

// The server's own sentence in the page's language, else our general one.
export function problemText(result, lang, messages) {
  if (result.network) return messages.network;
  if (result.status === 401) return messages.signed_out;
  const body = result.body || {};
  const sentence = lang === "ur" ? body.message_ur : body.message;
  return sentence || messages.failed;
}

// A multi-megabyte camera photo is re-drawn at a smaller size as JPEG. Anything
// the browser cannot decode is sent as it is: the server says what is wrong.
async function shrunk(file) {
  if (file.size <= SHRINK_ABOVE_BYTES || !window.createImageBitmap) return file;
  try {
    const bitmap = await window.createImageBitmap(file, { imageOrientation: "from-image" });
    const scale = Math.min(1, SHRUNK_LONG_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise((done) => canvas.toBlob(done, "image/jpeg", 0.9));
    return blob && blob.size < file.size ? blob : file;
  } catch (error) {
    return file;
  }
}

// A drawing of the side of the card to photograph, until there is a photo.
function CardOutline({ back }) {
  return (
    <svg viewBox="0 0 86 54" className="pk-photo-placeholder" aria-hidden="true">
      <rect x="1" y="1" width="84" height="52" rx="5" fill="none" stroke="currentColor" strokeWidth="2" />
      {back ? (
        <>
          <rect x="8" y="10" width="70" height="8" rx="1" fill="currentColor" opacity="0.5" />
          <rect x="8" y="26" width="22" height="20" rx="1" fill="none" stroke="currentColor" />
          <path d="M38 30h32M38 36h26M38 42h30" stroke="currentColor" strokeWidth="2" />
        </>
      ) : (
        <>
          <circle cx="22" cy="24" r="8" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M10 44c2-8 22-8 24 0" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M44 16h32M44 24h26M44 32h30M44 40h20" stroke="currentColor" strokeWidth="2" />
        </>
      )}
    </svg>
  );
}

export function ImageUpload({ kind, label, hint, previewUrl, lang, messages, onUploaded }) {
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState(0);
  const [problem, setProblem] = useState("");
  const [localUrl, setLocalUrl] = useState("");
  const [uploaded, setUploaded] = useState(false);
  const pending = useRef(null); // the photo kept in memory after a network failure
  const [canRetry, setCanRetry] = useState(false);
  const ids = {
    status: `photo-${kind}-status`,
    problem: `photo-${kind}-problem`,
    hint: `photo-${kind}-hint`,
  };

  useEffect(() => () => localUrl && URL.revokeObjectURL(localUrl), [localUrl]);

  const send = async (blob, filename) => {
    setBusy(true);
    setProblem("");
    setCanRetry(false);
    setProgress(0);
    // The card front is read at once and compared with the number typed so far.
    const typed = kind === "cnic_front" ? document.querySelector('input[name="cnic"]')?.value : "";
    const result = await uploadImage({ kind, blob, filename, cnic: typed, onProgress: setProgress });
    setBusy(false);
    if (result.status === 201 && result.body) {
      pending.current = null;
      setUploaded(true);
      onUploaded(kind, result.body);
      return;
    }
    setUploaded(false);
    setProblem(problemText(result, lang, messages));
    if (result.network) {
      pending.current = { blob, filename };
      setCanRetry(true);
    } else {
      pending.current = null;
      setLocalUrl("");
    }
  };

  const choose = async (event) => {
    const file = event.target.files && event.target.files[0];
    event.target.value = ""; // choosing the same file again still fires
    if (!file || busy) return;
    setLocalUrl(file.type.startsWith("image/") ? URL.createObjectURL(file) : "");
    const blob = await shrunk(file);
    await send(blob, blob === file ? file.name : `${kind}.jpg`);
  };

  const retry = () => pending.current && send(pending.current.blob, pending.current.filename);
  const shown = localUrl || previewUrl;
  const done = !busy && !problem && (uploaded || Boolean(previewUrl));

  return (
    <div className="pk-photo" data-testid={`photo-${kind}`} data-state={done ? "uploaded" : "empty"}>
      <div className="pk-photo-thumb" aria-hidden={shown ? undefined : "true"}>
        {shown ? (
          <img src={shown} alt={`${label}: ${messages.preview}`} data-testid={`photo-${kind}-preview`} />
        ) : (
          <CardOutline back={kind === "cnic_back"} />
        )}
      </div>
      <div className="pk-photo-body">
        <span className="pk-label">{label}</span>
        <p id={ids.hint} className="pk-hint">
          {hint}
        </p>
        <div className="pk-photo-actions">
          <input
            id={`photo-${kind}-camera`}
            className="pk-file-input"
            type="file"
            accept={ACCEPT}
            capture="environment"
            onChange={choose}
            disabled={busy}
            aria-describedby={`${ids.hint} ${ids.problem}`}
            data-testid={`photo-${kind}-camera`}
          />
          <label htmlFor={`photo-${kind}-camera`} className={`${BUTTON} rt-variant-solid pk-file-button`}>
            {done ? messages.retake : messages.camera}
            <span className="pk-visually-hidden">: {label}</span>
          </label>
          <input
            id={`photo-${kind}-file`}
            className="pk-file-input"
            type="file"
            accept={ACCEPT}
            onChange={choose}
            disabled={busy}
            aria-describedby={`${ids.hint} ${ids.problem}`}
            data-testid={`photo-${kind}-file`}
          />
          <label htmlFor={`photo-${kind}-file`} className={`${BUTTON} rt-variant-soft pk-file-button`}>
            {messages.file}
            <span className="pk-visually-hidden">: {label}</span>
          </label>
        </div>
        <div id={ids.status} role="status" aria-live="polite" className="pk-photo-status">
          {busy ? (
            <>
              <span>
                {messages.uploading} <bdi dir="ltr" className="pk-ltr">{progress}%</bdi>
              </span>
              <progress max="100" value={progress} aria-label={`${label}: ${messages.uploading}`} />
            </>
          ) : done ? (
            <span className="pk-ok" data-testid={`photo-${kind}-done`}>
              ✓ {messages.uploaded}
            </span>
          ) : null}
        </div>
        <p id={ids.problem} role="alert" className="pk-field-error" data-testid={`photo-${kind}-error`}>
          {problem}
        </p>
        {canRetry ? (
          <button type="button" className={`${BUTTON} rt-variant-outline`} onClick={retry} data-testid={`photo-${kind}-retry`}>
            {messages.retry}
          </button>
        ) : null}
      </div>
    </div>
  );
}
