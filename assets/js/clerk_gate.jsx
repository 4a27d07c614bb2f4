// Clerk only where it is needed.
//
// clerk-js is the heaviest thing a page can download (about 250 KiB compressed),
// and most first visits are signed-out people opening the landing page or a
// shared public profile: they need none of it. So Clerk's provider, the token
// bridge and clerk-js load only on the sign-in and sign-up pages and for someone
// signed in. Whether someone is signed in is known before anything loads: Clerk
// (and the built-in identity server) keeps the `__client_uat` cookie on the app's
// domain, "0" or absent when signed out, the time of the last sign-in otherwise.
//
// Signed out, a stand-in tells the backend so (an empty token, as the real bridge
// would), and pointing at a link to sign-in or sign-up fetches Clerk's code ahead,
// so the click still feels instant. Once loaded, Clerk stays for the rest of the
// visit.
import { createContext, useEffect, useRef, useState } from "react";
import { useLocation } from "react-router";

// True inside Clerk's provider: the parts in clerk_widgets.jsx draw only then.
export const ClerkReady = createContext(false);

let clerkParts = null; // the provider and token bridge, once loaded
const loadClerkParts = () =>
  import("./clerk_parts.jsx").then((module) => (clerkParts = module.default));

export function signedInCookie() {
  if (typeof document === "undefined") return false; // prerendering: no visitor yet
  const cookies = document.cookie;
  // __client_uat, and the suffixed copy clerk-js 5 also keeps.
  return cookies
    .split(";")
    .map((pair) => pair.trim().split("="))
    .some(([name, value]) => /^__client_uat(_.+)?$/.test(name) && Number(value) > 0);
}

// Whether an address (a path, or a URL relative to this page) is one of Clerk's
// flows or a step in one: /sign-in, /sign-in/factor-one.
export function inFlows(to, flows) {
  // Prerendering has no page address; the paths it asks about are absolute anyway.
  const here = typeof window === "undefined" ? "http://localhost/" : window.location.href;
  const path = new URL(to, here).pathname.replace(/\/+$/, "");
  return flows.some((flow) => path === flow || path.startsWith(flow + "/"));
}

// Start fetching Clerk's code at once when the page will need it, before React has
// even drawn the page.
if (signedInCookie()) loadClerkParts();

// Fetch Clerk's code (the provider's chunk and clerk-js itself) before the click
// that needs it: on hover, touch or keyboard focus of a link into sign-in/sign-up.
function usePrefetchOnIntent(flows, clerkJSUrl, active) {
  useEffect(() => {
    if (!active) return undefined;
    let done = false;
    const intent = (event) => {
      const link = event.target.closest && event.target.closest("a[href]");
      if (done || !link || !inFlows(link.href, flows)) return;
      done = true;
      loadClerkParts();
      if (clerkJSUrl) {
        const preload = document.createElement("link");
        preload.rel = "preload";
        preload.as = "script";
        preload.crossOrigin = "anonymous"; // as clerk-react's script tag, or it loads twice
        preload.href = clerkJSUrl;
        document.head.appendChild(preload);
      }
    };
    const kinds = ["pointerover", "touchstart", "focusin"];
    kinds.forEach((kind) => document.addEventListener(kind, intent, { passive: true }));
    return () => kinds.forEach((kind) => document.removeEventListener(kind, intent));
  }, [active]);
}

// The backend learns "signed out" from an empty token, as from the real bridge.
function SignedOutSession({ onToken, serverChecked }) {
  const sent = useRef(false);
  useEffect(() => {
    window.__pkFreshToken = async () => "";
    window.__pkSignOut = (redirectUrl) => window.location.assign(redirectUrl);
  }, []);
  useEffect(() => {
    if (!sent.current || serverChecked === false) {
      sent.current = true;
      onToken("");
    }
  }, [serverChecked]);
  return null;
}

export function ClerkGate({ children, onToken, pollSeconds, serverChecked, ...props }) {
  const { pathname } = useLocation();
  const flows = [props.signInUrl, props.signUpUrl];
  // The page is drawn at once, with Clerk's provider if its code is already here
  // (providers draw nothing, so it hydrates the prerendered page either way).
  // Otherwise Clerk comes in once its code has arrived, without a blank moment in
  // between, and the page is drawn anew inside it.
  const [Parts, setParts] = useState(() => clerkParts);
  const needed = Boolean(Parts) || inFlows(pathname, flows) || signedInCookie();
  useEffect(() => {
    if (Parts || !needed) return undefined;
    let current = true;
    loadClerkParts().then((loaded) => current && setParts(() => loaded));
    return () => {
      current = false;
    };
  }, [needed]);
  usePrefetchOnIntent(flows, props.clerkJSUrl, !needed);

  if (!Parts) {
    return (
      <>
        {!needed && <SignedOutSession onToken={onToken} serverChecked={serverChecked} />}
        {children}
      </>
    );
  }
  return (
    <ClerkReady.Provider value={true}>
      <Parts session={{ onToken, pollSeconds, serverChecked }} {...props}>
        {children}
      </Parts>
    </ClerkReady.Provider>
  );
}
