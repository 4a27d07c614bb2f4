// A 6-digit code verification run by clerk-js itself: "send a code", then a field
// for the code and "verify". Used for the profile's phone number and for the
// account's email address; only what is verified and how the code is sent differ.
//
// `prepare(user)` finds or creates the Clerk resource (a phone number, an email
// address), returns null when Clerk already holds it verified, else sends the code
// (prepareVerification) and returns the resource; attemptVerification({code}) is
// called on it. When Clerk says "verified", onVerified asks the server to fetch the
// account from Clerk's Backend API: the browser's word is not proof.
import { useRef, useState } from "react";
import { useUser } from "@clerk/clerk-react";

const PROBLEMS = {
  form_code_incorrect: "code_incorrect",
  verification_expired: "code_expired",
  verification_failed: "too_many",
  too_many_requests: "too_many",
};

function problemOf(error, extraProblems) {
  const code = error && error.errors && error.errors[0] && error.errors[0].code;
  return { ...PROBLEMS, ...extraProblems }[code] || "failed";
}

export function isVerified(resource) {
  return Boolean(resource.verification && resource.verification.status === "verified");
}

// Urdu (Extended Arabic-Indic) and Arabic-Indic digits count as digits too.
function digitsOnly(text) {
  return text
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[^0-9]/g, "")
    .slice(0, 6);
}

export function CodeVerifier({
  name, // "phone" | "email": element ids pk-<name>-code and pk-<name>-problem
  className,
  buttonSize,
  prepare,
  sentTo, // what the code went to, shown after "sent", from the prepared resource
  startLabel,
  testIds, // {root, start, code, submit}
  extraProblems = {},
  messages,
  onVerified,
}) {
  const { user } = useUser();
  const [stage, setStage] = useState("start"); // start | sending | code | verifying
  const [code, setCode] = useState("");
  const [problem, setProblem] = useState("");
  const target = useRef(null);
  const busy = stage === "sending" || stage === "verifying";
  const button = `rt-reset rt-BaseButton rt-r-size-${buttonSize} rt-Button`;
  const problemId = `pk-${name}-problem`;
  const codeId = `pk-${name}-code`;

  const send = async () => {
    if (!user || busy) return;
    setProblem("");
    setStage("sending");
    try {
      await user.reload();
      const prepared = await prepare(user);
      if (!prepared) {
        setStage("start");
        onVerified();
        return;
      }
      target.current = prepared;
      setCode("");
      setStage("code");
    } catch (error) {
      setProblem(problemOf(error, extraProblems));
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
      if (isVerified(result)) {
        await user.reload();
        setStage("start");
        onVerified();
        return;
      }
      setProblem("code_incorrect");
      setStage("code");
    } catch (error) {
      setProblem(problemOf(error, extraProblems));
      setStage("code");
    }
  };

  const problemText = problem ? (
    <p id={problemId} className="pk-field-error" role="alert">
      {messages[problem]}
    </p>
  ) : null;

  if (stage === "start" || stage === "sending") {
    return (
      <div className={className} data-testid={testIds.root}>
        <button
          type="button"
          className={`${button} rt-variant-solid`}
          onClick={send}
          disabled={busy || !user}
          aria-busy={stage === "sending"}
          data-testid={testIds.start}
        >
          {stage === "sending" ? messages.sending : startLabel}
        </button>
        {problemText}
      </div>
    );
  }
  return (
    <form className={className} onSubmit={verify} data-testid={testIds.root} noValidate>
      <p role="status" className="pk-phone-sent">
        {messages.sent} <bdi dir="ltr" className="pk-ltr">{target.current ? sentTo(target.current) : ""}</bdi>
      </p>
      <label htmlFor={codeId} className="pk-label">
        {messages.code}
      </label>
      <div className="rt-TextFieldRoot rt-r-size-3 rt-variant-surface pk-code-field">
        <input
          id={codeId}
          className="rt-reset rt-TextFieldInput"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          dir="ltr"
          value={code}
          onChange={(e) => setCode(digitsOnly(e.target.value))}
          aria-invalid={problem ? "true" : "false"}
          aria-describedby={problem ? problemId : undefined}
          data-testid={testIds.code}
        />
      </div>
      {problemText}
      <div className="pk-phone-actions">
        <button
          type="submit"
          className={`${button} rt-variant-solid`}
          disabled={busy || code.length !== 6}
          aria-busy={stage === "verifying"}
          data-testid={testIds.submit}
        >
          {stage === "verifying" ? messages.verifying : messages.verify}
        </button>
        <button type="button" className={`${button} rt-variant-soft`} onClick={send} disabled={busy}>
          {messages.resend}
        </button>
      </div>
    </form>
  );
}
