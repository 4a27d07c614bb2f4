// The idle-timeout guard: a warning before the deadline, sign-out at it, so an
// unattended shared phone does not stay signed in.
//
// Activity = pointer, key, touch, scroll, throttled. Tabs of one browser share it
// through localStorage, so reading in one tab keeps the others signed in. The
// server keeps its own deadline (onActivity heartbeats) and enforces it too.
import { useEffect, useRef, useState } from "react";

const KEY = "pk_last_activity";
const EVENTS = ["pointerdown", "pointermove", "keydown", "touchstart", "scroll", "wheel"];

function lastActivity() {
  const stored = Number(window.localStorage.getItem(KEY));
  return Number.isFinite(stored) && stored > 0 ? stored : Date.now();
}

function formatSeconds(total) {
  const seconds = Math.max(0, Math.ceil(total));
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, "0")}`;
}

export function IdleGuard({
  enabled,
  warningSeconds,
  timeoutSeconds,
  heartbeatSeconds,
  title,
  message,
  stayLabel,
  signOutLabel,
  onActivity,
  onTimeout,
}) {
  const [left, setLeft] = useState(null); // seconds until sign-out while warning
  const warned = useRef(false);
  const ended = useRef(false);
  const lastBeat = useRef(0);
  const stayButton = useRef(null);

  const markActive = (force) => {
    if (warned.current && !force) return; // only "Stay signed in" dismisses the warning
    const now = Date.now();
    window.localStorage.setItem(KEY, String(now));
    if (force || now - lastBeat.current > heartbeatSeconds * 1000) {
      lastBeat.current = now;
      onActivity();
    }
  };

  useEffect(() => {
    if (!enabled) return undefined;
    ended.current = false;
    warned.current = false;
    markActive(true);
    let throttled = 0;
    const onEvent = () => {
      const now = Date.now();
      if (now - throttled < 1000) return;
      throttled = now;
      markActive(false);
    };
    EVENTS.forEach((name) => window.addEventListener(name, onEvent, { passive: true }));
    const tick = () => {
      const idle = (Date.now() - lastActivity()) / 1000;
      if (idle >= timeoutSeconds) {
        if (!ended.current) {
          ended.current = true;
          setLeft(null);
          onTimeout();
        }
      } else if (idle >= warningSeconds) {
        warned.current = true;
        setLeft(timeoutSeconds - idle);
      } else {
        warned.current = false;
        setLeft(null);
      }
    };
    const timer = setInterval(tick, 500);
    return () => {
      clearInterval(timer);
      EVENTS.forEach((name) => window.removeEventListener(name, onEvent));
    };
  }, [enabled, warningSeconds, timeoutSeconds]);

  useEffect(() => {
    if (left !== null && stayButton.current && document.activeElement !== stayButton.current) {
      stayButton.current.focus();
    }
  }, [left !== null]);

  if (!enabled || left === null) return null;
  const stay = () => {
    warned.current = false;
    setLeft(null);
    markActive(true);
  };
  const signOut = () => {
    ended.current = true;
    setLeft(null);
    onTimeout();
  };
  return (
    <div className="pk-idle-backdrop">
      <div
        className="pk-idle-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="pk-idle-title"
        aria-describedby="pk-idle-message"
        onKeyDown={(event) => event.key === "Escape" && stay()}
      >
        <h2 id="pk-idle-title">{title}</h2>
        <p id="pk-idle-message">
          {message} <strong className="pk-idle-countdown" aria-live="polite">{formatSeconds(left)}</strong>
        </p>
        <div className="pk-idle-actions">
          <button type="button" ref={stayButton} className="pk-button pk-button-primary" onClick={stay}>
            {stayLabel}
          </button>
          <button type="button" className="pk-button" onClick={signOut}>
            {signOutLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
