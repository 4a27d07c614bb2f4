// Hands the backend a fresh Clerk session token whenever it changes.
//
// Reflex freezes the websocket's cookies at connect, so the __session cookie that
// clerk-js refreshes every minute never reaches an event handler. This component
// sends the token as an event argument instead: on load, on sign-in/out, and each
// time clerk-js mints a new one. "" means signed out. And again when the backend
// lost its state (serverChecked back to false): a worker crash gives the tab a fresh
// state, and the person stays signed in without waiting for the next token. A failed
// fetch (a dropped connection) sends nothing: only Clerk saying "signed out" does.
import { useEffect, useRef } from "react";
import { useAuth, useClerk } from "@clerk/clerk-react";

export function ClerkSession({ onToken, pollSeconds = 10, serverChecked = true }) {
  const { isLoaded, isSignedIn, sessionId, getToken } = useAuth();
  const clerk = useClerk();
  const sent = useRef(null);
  const resend = useRef(null);

  useEffect(() => {
    if (!isLoaded) return undefined;
    let stopped = false;
    const push = async (force) => {
      let token = "";
      if (isSignedIn) {
        try {
          token = (await getToken()) || "";
        } catch (error) {
          return; // offline for a moment: the backend keeps the last token; next poll
        }
      }
      if (!stopped && (force || token !== sent.current)) {
        sent.current = token;
        onToken(token);
      }
    };
    // The server may also ask for one (its copy expired, or it lost its state).
    window.__pkFreshToken = async () => (isSignedIn ? (await getToken()) || "" : "");
    window.__pkSignOut = (redirectUrl) => clerk.signOut({ redirectUrl });
    resend.current = () => push(true);
    push(true);
    const timer = setInterval(() => push(false), pollSeconds * 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [isLoaded, isSignedIn, sessionId]);

  useEffect(() => {
    // Sent before, and the server says it has no answer: it lost the state.
    if (serverChecked === false && sent.current !== null && resend.current) {
      resend.current();
    }
  }, [serverChecked]);

  return null;
}
