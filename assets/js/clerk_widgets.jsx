// The app's parts that need Clerk, loaded with Clerk and drawn only inside it.
//
// A static import of @clerk/clerk-react in a page would put it in that page's code,
// and the header (user menu, email banner) is on every page, signed-out visitors'
// included. Each part here loads its code on demand and draws nothing until
// clerk_gate.jsx has loaded Clerk: for someone signed in, or on the sign-in and
// sign-up pages, which is the only time they show.
import { lazy, Suspense, useContext } from "react";
import { ClerkReady } from "./clerk_gate.jsx";

function needingClerk(load, name, fallback = () => null) {
  const Part = lazy(() => load().then((module) => ({ default: module[name] })));
  function Widget(props) {
    if (!useContext(ClerkReady)) return fallback(props);
    return (
      <Suspense fallback={fallback(props)}>
        <Part {...props} />
      </Suspense>
    );
  }
  Widget.displayName = name;
  return Widget;
}

const clerkReact = () => import("@clerk/clerk-react");

export const UserButton = needingClerk(clerkReact, "UserButton");
export const SignIn = needingClerk(clerkReact, "SignIn");
export const SignUp = needingClerk(clerkReact, "SignUp");
// Its children (a spinner) show until clerk-js has loaded, and while Clerk's code
// is still on its way.
export const ClerkLoading = needingClerk(clerkReact, "ClerkLoading", (props) => props.children);
export const EmailVerifier = needingClerk(() => import("./email_verifier.jsx"), "EmailVerifier");
export const PhoneVerifier = needingClerk(() => import("./phone_verifier.jsx"), "PhoneVerifier");
