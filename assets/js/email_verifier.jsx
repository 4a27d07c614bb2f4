// Verifies the account's email address after sign-up with Clerk's own email-code
// verification (used when the instance lets people in before verifying):
// user.primaryEmailAddress.prepareVerification({strategy: "email_code"}), then
// attemptVerification({code}). The flow itself is code_verifier.jsx.
import { CodeVerifier, isVerified } from "./code_verifier.jsx";

const TEST_IDS = {
  root: "email-verifier",
  start: "email-verify-start",
  code: "email-code",
  submit: "email-code-submit",
};

async function prepare(user) {
  const address = user.primaryEmailAddress;
  if (!address) throw new Error("no email address");
  if (isVerified(address)) return null;
  await address.prepareVerification({ strategy: "email_code" });
  return address;
}

export function EmailVerifier({ messages, onVerified }) {
  return (
    <CodeVerifier
      name="email"
      className="pk-email-verifier"
      buttonSize={2}
      prepare={prepare}
      sentTo={(address) => address.emailAddress}
      startLabel={messages.start}
      testIds={TEST_IDS}
      messages={messages}
      onVerified={onVerified}
    />
  );
}
