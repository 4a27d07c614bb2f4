// Verifies the account's email address after sign-up with Clerk's own email-code
// verification (used when the instance lets people in before verifying).
//
// clerk-js: user.primaryEmailAddress.prepareVerification({strategy: "email_code"}),
// then attemptVerification({code}). When Clerk says "verified", onVerified asks the
// server to fetch the account from Clerk's Backend API: the browser's word is not proof.
import { useRef, useState } from "react";
import { useUser } from "@clerk/clerk-react";

const PROBLEMS = {
  form_code_incorrect: "code_incorrect",
  verification_expired: "code_expired",
  verification_failed: "too_many",
  too_many_requests: "too_many",
};
const BUTTON = "rt-reset rt-BaseButton rt-r-size-2 rt-Button";

function problemOf(error) {
  const code = error && error.errors && error.errors[0] && error.errors[0].code;
  return PROBLEMS[code] || "failed";
}

// Urdu (Extended Arabic-Indic) and Arabic-Indic digits count as digits too.
function digitsOnly(text) {
  return text
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[^0-9]/g, "")
    .slice(0, 6);
}

export function EmailVerifier({ messages, onVerified }) {
  const { user } = useUser();
  const [stage, setStage] = useState("start"); // start | sending | code | verifying
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState("");
  const target = useRef(null);
  const busy = stage === "sending" || stage === "verifying";

  const send = async () => {
    if (!user || busy) return;
    setProblem("");
    setStage("sending");
    try {
      await user.reload();
      const address = user.primaryEmailAddress;
      if (!address) throw new Error("no email address");
      if (address.verification && address.verification.status === "verified") {
        setStage("start");
        onVerified();
        return;
      }
      await address.prepareVerification({ strategy: "email_code" });
      target.current = address;
      setCode("");
      setStage("code");
    } catch (error) {
      setProblem(problemOf(error));
      setStage(target.current ? "code" : "start");
    }
  };

  const verify = async (event) => {
    event.preventDefault();
    if (!target.current || busy || code.length !== 6) return;
    setProblem("");
    setStage("verifying");
    try {
      const result = await target.current.attemptVerification({ code });
      if (result.verification && result.verification.status === "verified") {
        await user.reload();
        setStage("start");
        onVerified();
        return;
      }
      setProblem("code_incorrect");
      setStage("code");
    } catch (error) {
      setProblem(problemOf(error));
      setStage("code");
    }
  };

  const problemText = problem ? (
    <p id="pk-email-problem" className="pk-field-error" role="alert">
      {messages[problem]}
    </p>
  ) : null;

  if (stage === "start" || stage === "sending") {
    return (
      <div className="pk-email-verifier" data-testid="email-verifier">
        <button
          type="button"
          className={`${BUTTON} rt-variant-solid`}
          onClick={send}
          disabled={busy || !user}
          aria-busy={stage === "sending"}
          data-testid="email-verify-start"
        >
          {stage === "sending" ? messages.sending : messages.start}
        </button>
        {problemText}
      </div>
    );
  }
  const address = target.current ? target.current.emailAddress : "";
  return (
    <form className="pk-email-verifier" onSubmit={verify} data-testid="email-verifier" noValidate>
      <p role="status" className="pk-phone-sent">
        {messages.sent} <bdi dir="ltr">{address}</bdi>
      </p>
      <label htmlFor="pk-email-code" className="pk-label">
        {messages.code}
      </label>
      <div className="rt-TextFieldRoot rt-r-size-3 rt-variant-surface pk-code-field">
        <input
          id="pk-email-code"
          className="rt-reset rt-TextFieldInput"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          dir="ltr"
          value={code}
          onChange={(e) => setCode(digitsOnly(e.target.value))}
          aria-invalid={problem ? "true" : "false"}
          aria-describedby={problem ? "pk-email-problem" : undefined}
          data-testid="email-code"
        />
      </div>
      {problemText}
      <div className="pk-phone-actions">
        <button
          type="submit"
          className={`${BUTTON} rt-variant-solid`}
          disabled={busy || code.length !== 6}
          aria-busy={stage === "verifying"}
          data-testid="email-code-submit"
        >
          {stage === "verifying" ? messages.verifying : messages.verify}
        </button>
        <button type="button" className={`${BUTTON} rt-variant-soft`} onClick={send} disabled={busy}>
          {messages.resend}
        </button>
      </div>
    </form>
  );
}
