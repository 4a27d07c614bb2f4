// Clerk's provider, moving between the steps of sign-in and sign-up with the app's
// own router.
//
// <SignIn/> and <SignUp/> use path routing (/sign-in/factor-one,
// /sign-up/verify-email-address). Without routerPush/routerReplace clerk-js would
// reload the page for every step; here those are client-side navigations, as
// Clerk's framework SDKs make them. Leaving the flows (after sign-in, after
// sign-out, even to /sign-in) still loads the next page afresh, so the app starts
// over with the new session as it always has.
import { useCallback, useRef } from "react";
import { useNavigate } from "react-router";
import { ClerkProvider } from "@clerk/clerk-react";
import { inFlows } from "./clerk_gate.jsx";

// Clerk's sign-in cards answer a locked account (user_locked) with
// clerk.__internal_navigateWithError("..", error): go one step back and show the
// error there. clerk-js resolves ".." against the page's URL, and from
// /sign-in/factor-one that is the site's root, where no card shows the error.
// That one navigation goes to the start of sign-in instead, whose card does.
export function lockoutTarget(to, signInUrl) {
  const here = window.location;
  const inStep = here.pathname.replace(/\/+$/, "").startsWith(signInUrl + "/");
  if (!inStep) return to;
  const target = new URL(to, here.href);
  if (target.origin !== here.origin || target.pathname !== new URL("..", here.href).pathname) {
    return to;
  }
  return hasErrorToShow() ? signInUrl + here.search : to;
}

function hasErrorToShow() {
  const clerk = window.Clerk;
  if (!clerk) return false;
  const error = clerk.__internal_last_error; // reading it clears it: put it back
  if (error) clerk.__internal_last_error = error;
  return Boolean(error);
}

export function ClerkRouterProvider({ children, signInUrl, signUpUrl, ...props }) {
  const navigate = useNavigate();
  const latest = useRef({ navigate, signInUrl, signUpUrl });
  latest.current = { navigate, signInUrl, signUpUrl };
  const go = useCallback((to, replace) => {
    const { navigate, signInUrl, signUpUrl } = latest.current;
    const target = lockoutTarget(to, signInUrl);
    const flows = [signInUrl, signUpUrl];
    if (inFlows(window.location.href, flows) && inFlows(target, flows)) {
      return navigate(target, { replace });
    }
    return replace ? window.location.replace(target) : window.location.assign(target);
  }, []);
  // Stable functions: clerk-js takes them once, when it loads.
  const routerPush = useCallback((to) => go(to, false), [go]);
  const routerReplace = useCallback((to) => go(to, true), [go]);
  return (
    <ClerkProvider
      signInUrl={signInUrl}
      signUpUrl={signUpUrl}
      routerPush={routerPush}
      routerReplace={routerReplace}
      {...props}
    >
      {children}
    </ClerkProvider>
  );
}
