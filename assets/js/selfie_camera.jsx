// The live selfie: the front camera only (there is no file picker on purpose),
// one frame drawn to a canvas with the capture time in Pakistan time and the
// server's one-time code burned into a strip at the bottom, a still to check,
// then a JPEG made in the browser and uploaded with progress. The server answers
// with a quick face check of the selfie: no face, several faces, too
// dark or blurred is said at once with a retake; after a second failed check the
// user is told they may send it anyway (the moderator sees the flags).
//
// The camera runs only between "Open camera" and the capture (or leaving the
// page): every track is stopped then, so the phone's camera light goes off.
// DOM globals are touched only inside handlers and effects (pages are prerendered).
import { useEffect, useRef, useState } from "react";
import { problemText, uploadImage } from "./image_upload.jsx";

const BUTTON = "rt-reset rt-BaseButton rt-r-size-3 rt-Button";
const LONG_SIDE = 1280; // px; a selfie needs no more, and 3G users pay for every byte
const QUALITY = 0.85;
const CODE_MARGIN_MS = 30_000; // ask for a fresh code this long before the old one ends
const PKT_OFFSET_MS = 5 * 3600 * 1000;

// Pakistan keeps UTC+5 all year (no daylight saving since 2009), so the time is
// right even on a phone whose clock is set to another time zone.
export function pakistanTime(date) {
  const t = new Date(date.getTime() + PKT_OFFSET_MS);
  const two = (n) => String(n).padStart(2, "0");
  const day = `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}`;
  return `${day} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())} PKT`;
}

// getUserMedia's error names (and older Chrome/Firefox spellings) → what we say.
function cameraProblem(error) {
  switch (error && error.name) {
    case "NotAllowedError":
    case "PermissionDeniedError":
    case "SecurityError":
      return "denied";
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
      return "missing";
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return "busy";
    default:
      return "failed";
  }
}

// One frame, long side ≤ LONG_SIDE, with a legible strip: time on one side, code
// on the other. Drawn unmirrored (the preview is mirrored like a looking glass).
function drawStill(video, code, when) {
  const scale = Math.min(1, LONG_SIDE / Math.max(video.videoWidth, video.videoHeight));
  const width = Math.round(video.videoWidth * scale);
  const height = Math.round(video.videoHeight * scale);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  ctx.drawImage(video, 0, 0, width, height);
  const strip = Math.max(40, Math.round(height * 0.1));
  const size = Math.round(Math.min(strip * 0.4, width / 26));
  const pad = Math.round(size * 0.8);
  ctx.fillStyle = "rgba(0, 0, 0, 0.75)";
  ctx.fillRect(0, height - strip, width, strip);
  ctx.fillStyle = "#ffffff";
  ctx.direction = "ltr";
  ctx.textBaseline = "middle";
  ctx.font = `600 ${size}px system-ui, sans-serif`;
  ctx.textAlign = "left";
  ctx.fillText(pakistanTime(when), pad, height - strip / 2);
  ctx.font = `700 ${Math.round(size * 1.3)}px ui-monospace, monospace`;
  ctx.textAlign = "right";
  ctx.fillText(code, width - pad, height - strip / 2);
  return canvas;
}

function FaceProblems({ problems, failures, messages }) {
  return (
    <div className="pk-camera-help" role="alert" data-testid="selfie-face-problem" data-problems={problems.join(" ")}>
      {problems.map((problem) => (
        <p key={problem} className="pk-camera-help-title">
          {messages[`face_${problem}`]}
        </p>
      ))}
      {failures >= 2 ? <p data-testid="selfie-send-anyway">{messages.face_send_anyway}</p> : null}
    </div>
  );
}

function CameraHelp({ problem, messages }) {
  const steps = (text) => (
    <ol className="pk-help-steps">
      {text.split("\n").map((step) => (
        <li key={step}>{step}</li>
      ))}
    </ol>
  );
  return (
    <div className="pk-camera-help" role="alert" data-testid="camera-problem" data-problem={problem}>
      <p className="pk-camera-help-title">{messages[`problem_${problem}`]}</p>
      {problem === "denied" ? (
        <>
          <p className="pk-help-platform">{messages.help_android_title}</p>
          {steps(messages.help_android)}
          <p className="pk-help-platform">{messages.help_ios_title}</p>
          {steps(messages.help_ios)}
        </>
      ) : null}
    </div>
  );
}

export function SelfieCamera({ code, codeExpiresAt, lang, messages, previewUrl, onNeedCode, onUploaded }) {
  // idle | starting | live | still | uploading | done | error
  const [stage, setStage] = useState(previewUrl ? "done" : "idle");
  const [problem, setProblem] = useState("");
  const [uploadProblem, setUploadProblem] = useState("");
  const [canRetry, setCanRetry] = useState(false);
  const [notice, setNotice] = useState("");
  const [progress, setProgress] = useState(0);
  const [stillUrl, setStillUrl] = useState("");
  const [bytes, setBytes] = useState(0);
  const [faceProblems, setFaceProblems] = useState([]);
  const [faceChecked, setFaceChecked] = useState(false);
  const failedChecks = useRef(0); // selfies whose quick check found a problem
  const video = useRef(null);
  const stream = useRef(null);
  const still = useRef(null); // {blob, code} of the photo on screen, kept until uploaded
  const latest = useRef({ code, codeExpiresAt });
  const askedFor = useRef({ code: null, at: 0 }); // the code we last asked to replace
  latest.current = { code, codeExpiresAt };

  const codeIsFresh = () => {
    const { code: current, codeExpiresAt: until } = latest.current;
    return Boolean(current) && Date.parse(until) - Date.now() > CODE_MARGIN_MS;
  };
  const freshCode = () => {
    const asked = askedFor.current;
    if (asked.code === latest.current.code && Date.now() - asked.at < 10_000) return;
    askedFor.current = { code: latest.current.code, at: Date.now() };
    onNeedCode();
  };

  const stop = () => {
    if (stream.current) stream.current.getTracks().forEach((track) => track.stop());
    stream.current = null;
  };
  const forgetStill = () => {
    still.current = null;
    setStillUrl((url) => {
      if (url) URL.revokeObjectURL(url);
      return "";
    });
  };

  useEffect(() => () => stop(), []);

  // The <video> exists only in the live stage: give it the stream once it is there.
  useEffect(() => {
    if (stage === "live" && video.current && stream.current) {
      video.current.srcObject = stream.current;
      video.current.play().catch(() => {});
    }
  }, [stage]);

  // While the camera is live, keep a code that will still be valid at upload time.
  useEffect(() => {
    if (stage !== "live") return undefined;
    if (!codeIsFresh()) freshCode();
    const timer = window.setInterval(() => codeIsFresh() || freshCode(), 5000);
    return () => window.clearInterval(timer);
  }, [stage, code]);

  const start = async () => {
    setProblem("");
    setUploadProblem("");
    setCanRetry(false);
    const media = navigator.mediaDevices;
    if (!window.isSecureContext || !media || !media.getUserMedia) {
      setProblem("insecure");
      setStage("error");
      return;
    }
    setStage("starting");
    try {
      stop();
      stream.current = await media.getUserMedia({
        video: { facingMode: "user", width: { ideal: 1280 }, height: { ideal: 960 } },
        audio: false,
      });
      setStage("live");
    } catch (error) {
      stop();
      setProblem(cameraProblem(error));
      setStage("error");
    }
  };

  const capture = () => {
    const frame = video.current;
    if (!frame || !frame.videoWidth) return;
    if (!codeIsFresh()) {
      freshCode();
      setNotice(messages.getting_code);
      return;
    }
    const usedCode = latest.current.code;
    const canvas = drawStill(frame, usedCode, new Date());
    canvas.toBlob(
      (blob) => {
        if (!blob) return;
        still.current = { blob, code: usedCode };
        setStillUrl(URL.createObjectURL(blob));
        setNotice("");
        stop();
        setStage("still");
      },
      "image/jpeg",
      QUALITY
    );
  };

  const retake = () => {
    forgetStill();
    setFaceProblems([]);
    setFaceChecked(false);
    start();
  };

  const use = async () => {
    if (!still.current) return;
    const { blob, code: usedCode } = still.current;
    setStage("uploading");
    setProgress(0);
    setUploadProblem("");
    setCanRetry(false);
    const result = await uploadImage({ kind: "selfie", blob, filename: "selfie.jpg", code: usedCode, onProgress: setProgress });
    if (result.status === 201 && result.body) {
      setBytes(blob.size); // what the phone sent (the server re-encodes it)
      // No answer from the check (it timed out): say nothing, hold nobody up.
      const check = result.body.face_check;
      const problems = check && check.available ? check.problems || [] : [];
      if (problems.length) failedChecks.current += 1;
      setFaceProblems(problems);
      setFaceChecked(Boolean(check && check.available));
      setStage("done");
      onUploaded("selfie", result.body);
      freshCode(); // the used code is spent: a retake gets a new one
      return;
    }
    if (result.network) {
      // No answer: the photo stays in memory and "Try again" sends it.
      setUploadProblem(problemText(result, lang, messages));
      setCanRetry(true);
      setStage("still");
      return;
    }
    // Refused. The server spends the code on any selfie it refuses, so every
    // refusal means a new code and a new photo; say why, unless only the code aged.
    const error = (result.body && result.body.error) || "";
    freshCode();
    forgetStill();
    if (error.startsWith("code_")) setNotice(messages.code_expired);
    else setUploadProblem(problemText(result, lang, messages));
    if (result.status === 401) {
      setStage("idle");
      return;
    }
    start();
  };

  const status = (
    <div role="status" aria-live="polite" className="pk-photo-status" data-testid="selfie-status">
      {stage === "starting" ? messages.starting : null}
      {stage === "live" && !codeIsFresh() ? messages.getting_code : null}
      {stage === "uploading" ? (
        <>
          <span>
            {progress >= 100 ? (
              messages.checking
            ) : (
              <>
                {messages.uploading} <bdi dir="ltr" className="pk-ltr">{progress}%</bdi>
              </>
            )}
          </span>
          <progress max="100" value={progress} aria-label={messages.uploading} />
        </>
      ) : null}
      {stage === "done" ? (
        <span className="pk-ok" data-testid="selfie-done">
          ✓ {messages.uploaded}
          {faceChecked && !faceProblems.length ? ` · ${messages.face_ok}` : ""}
        </span>
      ) : null}
      {notice && stage !== "done" ? <span className="pk-notice">{notice}</span> : null}
    </div>
  );

  let body;
  if (stage === "idle" || stage === "starting") {
    body = (
      <button type="button" className={`${BUTTON} rt-variant-solid pk-camera-start`} onClick={start} disabled={stage === "starting"} data-testid="selfie-start">
        {messages.open}
      </button>
    );
  } else if (stage === "error") {
    body = (
      <>
        <CameraHelp problem={problem} messages={messages} />
        <button type="button" className={`${BUTTON} rt-variant-solid`} onClick={start} data-testid="selfie-retry-camera">
          {messages.try_again}
        </button>
      </>
    );
  } else if (stage === "live") {
    body = (
      <>
        <div className="pk-camera-view">
          <video ref={video} className="pk-camera-video" playsInline muted autoPlay aria-label={messages.preview_label} data-testid="selfie-video" />
          <div className="pk-camera-guide" aria-hidden="true" />
          <div className="pk-camera-code" aria-hidden="true">
            <bdi dir="ltr" className="pk-ltr">{code}</bdi>
          </div>
        </div>
        <p className="pk-hint">{messages.tips}</p>
        <button type="button" className={`${BUTTON} rt-variant-solid pk-capture`} onClick={capture} disabled={!codeIsFresh()} data-testid="selfie-capture">
          {messages.capture}
        </button>
      </>
    );
  } else {
    // still | uploading | done
    const src = stillUrl || previewUrl;
    body = (
      <>
        <div className="pk-camera-view">
          <img className="pk-camera-still" src={src} alt={messages.still_label} data-testid="selfie-still" />
        </div>
        {stage === "still" ? (
          <>
            <p className="pk-hint">{messages.check_still}</p>
            <div className="pk-camera-actions">
              <button type="button" className={`${BUTTON} rt-variant-solid`} onClick={use} data-testid="selfie-use">
                {canRetry ? messages.retry : messages.use}
              </button>
              <button type="button" className={`${BUTTON} rt-variant-soft`} onClick={retake} data-testid="selfie-retake">
                {messages.retake}
              </button>
            </div>
          </>
        ) : null}
        {stage === "done" && faceProblems.length ? (
          <FaceProblems problems={faceProblems} failures={failedChecks.current} messages={messages} />
        ) : null}
        {stage === "done" ? (
          <button
            type="button"
            className={`${BUTTON} ${faceProblems.length ? "rt-variant-solid" : "rt-variant-soft"}`}
            onClick={retake}
            data-testid="selfie-retake"
          >
            {faceProblems.length ? messages.face_retake : messages.retake}
          </button>
        ) : null}
      </>
    );
  }

  return (
    <div
      className="pk-camera"
      data-testid="selfie-camera"
      data-stage={stage}
      data-bytes={bytes || undefined}
      data-face-checked={faceChecked ? "true" : undefined}
    >
      {body}
      {status}
      <p role="alert" className="pk-field-error" data-testid="selfie-error">
        {uploadProblem}
      </p>
    </div>
  );
}
