/**
 * The session copilot: ask about this session, read the answer as it is written, accept a
 * suggested step onto the timeline. The conversation is read off the session's timeline, so a
 * reload or another viewer (the live stream refreshes the session) sees the same thing.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { queryKeys } from "@/api/query-keys";
import { ChatInput, LiveExchange, QuestionBubble, useScrollToEnd } from "@/components/copilot/chat-parts";
import { ModelImagesBox } from "@/components/copilot/model-images";
import { ReplyCard, type SuggestionAction } from "@/components/copilot/reply-card";
import type { CopilotSuggestion } from "@/lib/copilot";
import { useCurrentUser } from "@/lib/current-user";
import { ApiError, errorMessage } from "@/lib/problem";
import { hasRole } from "@/lib/roles";
import { isAbort, useAnswerStream } from "@/lib/use-answer-stream";
import { askCopilot } from "../api/ask-copilot";
import { useAcceptSuggestion } from "../api/accept-suggestion";
import type { SessionDetail } from "../api/types";
import { acceptedKeys, acceptKey, conversationOf, hasSeq } from "../model/conversation";

const ENDED = ["resolved", "unresolved", "abandoned"];
const STATUS_WORDS: Record<string, string> = { resolved: "resolved", unresolved: "closed as not resolved", abandoned: "abandoned" };

interface AcceptState {
  pending: boolean;
  error: string | null;
}

export function CopilotPanel({ session, suggestedSteps = [] }: { session: SessionDetail; suggestedSteps?: readonly string[] }) {
  const me = useCurrentUser();
  const qc = useQueryClient();
  const stream = useAnswerStream();
  const accept = useAcceptSuggestion(session.id);
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [accepting, setAccepting] = useState<Record<string, AcceptState>>({});
  const [resendImages, setResendImages] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const logRef = useRef<HTMLDivElement>(null);

  const role = me.data?.role;
  const canWork = hasRole(role, "engineer") && (session.owner_id === me.data?.id || hasRole(role, "team_admin"));
  const ended = ENDED.includes(session.status);
  const disabledReason = !me.data
    ? "Loading…"
    : !hasRole(role, "engineer")
      ? "You can read this conversation; only engineers can ask the copilot."
      : !canWork
        ? "Only the session's owner (or a team admin) can ask the copilot here."
        : ended
          ? `This session is ${STATUS_WORDS[session.status] ?? session.status}; the copilot helps while a session is open.`
          : null;
  const acceptDisabled = disabledReason ?? (session.status === "paused" ? "Resume the session to accept a suggestion." : null);

  const live = stream.live;
  const { settle } = stream;
  // Once the timeline holds the reply, it is shown from there (with its Accept buttons).
  useEffect(() => {
    if (live?.reply && hasSeq(session.timeline, live.reply.reply_seq)) settle();
  }, [live, session.timeline, settle]);

  const entries = conversationOf(session.timeline, live ? live.afterSeq : null);
  const accepted = acceptedKeys(session.timeline);
  useScrollToEnd(logRef, `${entries.length}:${live?.text.length ?? 0}:${live?.reply ? 1 : 0}`);

  async function send() {
    const question = draft.trim();
    if (!question || disabledReason !== null || stream.streaming) return;
    setError(null);
    setDraft("");
    const key = queryKeys.sessions.detail(session.id);
    try {
      const resend = resendImages;
      setResendImages(false);
      await stream.run({ question, afterSeq: session.last_seq }, (handlers, signal) => askCopilot(session.id, question, handlers, signal, resend));
      void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.documentation(session.id) });
    } catch (e) {
      if (isAbort(e)) return;
      setError(e);
      setDraft((d) => d || question);
      // The question may be on the timeline although the answer failed; a 409 means the
      // session ended elsewhere: show where it is now.
      if (!(e instanceof ApiError) || e.status !== 422) void qc.invalidateQueries({ queryKey: key });
      inputRef.current?.focus();
    }
  }

  function suggestionAction(replySeq: number) {
    return (index: number, s: CopilotSuggestion): SuggestionAction => {
      const key = acceptKey(replySeq, s.title);
      const local = accepting[key];
      return {
        state: accepted.has(key) ? "accepted" : local?.pending ? "pending" : "idle",
        error: local?.error ?? null,
        disabledReason: acceptDisabled,
        onAccept: () => {
          if (accepted.has(key) || local?.pending) return;
          setAccepting((a) => ({ ...a, [key]: { pending: true, error: null } }));
          accept.mutate(
            { replySeq, index },
            {
              onSuccess: () => setAccepting(({ [key]: _done, ...rest }) => rest),
              onError: (e) => setAccepting((a) => ({ ...a, [key]: { pending: false, error: errorMessage(e) } })),
            },
          );
        },
      };
    };
  }

  const empty = entries.length === 0 && !live;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div ref={logRef} aria-label="Copilot conversation" role="region" className="min-h-0 flex-1 space-y-3 overflow-y-auto px-4 py-3">
        {empty ? (
          <div className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center">
            <p className="text-sm font-medium text-slate-900">Ask about this session — the copilot sees the flow step, notes and output, redacted</p>
            <p className="mt-1 text-xs text-slate-500">
              It answers from your team's flows, past sessions and knowledge documents, cites them, and suggests steps you can accept onto the
              timeline.
            </p>
          </div>
        ) : (
          entries.map((entry) =>
            entry.kind === "question" ? (
              <QuestionBubble key={entry.seq} content={entry.content} author={entry.author === me.data?.name ? null : entry.author} />
            ) : (
              <div key={entry.seq}>
                {entry.via === "assist" && <p className="mb-1 text-[11px] text-slate-500">From ResolutionAssist</p>}
                <ReplyCard reply={entry.reply} suggestionAction={suggestionAction(entry.seq)} />
              </div>
            ),
          )
        )}
        {live && <LiveExchange live={live} />}
      </div>
      <div className="border-t border-slate-100 p-3">
        {!ended && (
          <div className="mb-2">
            <ModelImagesBox
              sessionId={session.id}
              lastSeq={session.last_seq}
              next="question"
              canRemove={canWork}
              resend={resendImages}
              onResendChange={canWork ? setResendImages : undefined}
            />
          </div>
        )}
        {error !== null && (
          <p role="alert" className="mb-2 rounded-md bg-red-50 px-2.5 py-1.5 text-sm text-red-800 ring-1 ring-red-200">
            Couldn't get an answer: {errorMessage(error)}
          </p>
        )}
        <ChatInput
          label="Ask the copilot"
          value={draft}
          onChange={setDraft}
          onSend={() => void send()}
          sending={stream.streaming}
          disabledReason={disabledReason}
          placeholder="e.g. GlobalProtect says gateway unreachable"
          inputRef={inputRef}
        />
        {suggestedSteps.length > 0 && disabledReason === null && (
          <SuggestedStepChips
            steps={suggestedSteps}
            onPick={(step) => {
              setDraft(step);
              inputRef.current?.focus();
            }}
          />
        )}
      </div>
    </div>
  );
}

/** The escalation briefing's suggested steps (handed in by the route): a click puts one in the box. */
function SuggestedStepChips({ steps, onPick }: { steps: readonly string[]; onPick: (step: string) => void }) {
  return (
    <div className="mt-2">
      <p id="copilot-chips-label" className="text-[11px] font-semibold tracking-wide text-slate-500 uppercase">
        From the escalation briefing
      </p>
      <ul aria-labelledby="copilot-chips-label" data-testid="copilot-chips" className="mt-1 flex flex-wrap gap-1.5">
        {steps.map((step, i) => (
          <li key={i} className="max-w-full">
            <button
              type="button"
              data-testid="copilot-chip"
              title={step}
              onClick={() => onPick(step)}
              className="max-w-full truncate rounded-full bg-violet-50 px-2.5 py-0.5 text-xs font-medium text-violet-800 ring-1 ring-violet-200 ring-inset hover:bg-violet-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-500"
            >
              {step}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
