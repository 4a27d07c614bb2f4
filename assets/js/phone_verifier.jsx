// Verifies the profile's mobile number with Clerk's own phone verification:
// user.createPhoneNumber (unless Clerk has it), then prepareVerification (an SMS
// code) and attemptVerification. The flow itself is code_verifier.jsx.
import { CodeVerifier, isVerified } from "./code_verifier.jsx";

const TEST_IDS = {
  root: "phone-verifier",
  start: "phone-send-code",
  code: "phone-code",
  submit: "phone-verify",
};

export function PhoneVerifier({ phoneNumber, phoneDisplay, messages, onVerified }) {
  const prepare = async (user) => {
    let number = user.phoneNumbers.find((p) => p.phoneNumber === phoneNumber);
    if (!number) number = await user.createPhoneNumber({ phoneNumber });
    if (isVerified(number)) return null;
    await number.prepareVerification();
    return number;
  };
  return (
    <CodeVerifier
      name="phone"
      className="pk-phone"
      buttonSize={3}
      prepare={prepare}
      sentTo={() => phoneDisplay}
      startLabel={messages.send}
      testIds={TEST_IDS}
      extraProblems={{ form_identifier_exists: "taken" }}
      messages={messages}
      onVerified={onVerified}
    />
  );
}
