// What the app needs of Clerk once Clerk is needed (clerk_gate.jsx loads this on
// demand): the provider with the app's router, and the token bridge inside it.
import { ClerkRouterProvider } from "./clerk_provider.jsx";
import { ClerkSession } from "./clerk_session.jsx";

export default function ClerkParts({ children, session, ...props }) {
  return (
    <ClerkRouterProvider {...props}>
      <ClerkSession {...session} />
      {children}
    </ClerkRouterProvider>
  );
}
