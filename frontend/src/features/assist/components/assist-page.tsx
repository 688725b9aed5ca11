/**
 * /assist and /assist/:id — ResolutionAssist: troubleshooting conversations outside a session,
 * answered from the team's flows, past sessions and knowledge documents. A conversation can be
 * turned into a session that carries the exchange on its timeline.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type ClipboardEvent, useEffect, useId, useRef, useState } from "react";
import { Link, useBlocker, useNavigate, useParams } from "react-router";
import { ChatInput, formatSize, LiveExchange, QuestionBubble, useScrollToEnd } from "@/components/copilot/chat-parts";
import { ReplyCard } from "@/components/copilot/reply-card";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { replyFromPayload } from "@/lib/copilot";
import { ApiError, errorMessage } from "@/lib/problem";
import { isAbort, useAnswerStream } from "@/lib/use-answer-stream";
import { useCreateConversation } from "../api/create-conversation";
import { useDeleteConversation } from "../api/delete-conversation";
import { useConversation } from "../api/get-conversation";
import { assistKeys } from "../api/keys";
import { sendMessage } from "../api/send-message";
import type { ConversationMessage } from "../api/types";
import { ACCEPT, addAttachments, encodeAttachment, type PendingAttachment } from "@/lib/attachments";
import { ConversationList } from "./conversation-list";
import { ToSessionDialog } from "./to-session-dialog";

export function AssistPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const toast = useToast();
  const conversation = useConversation(id);
  const create = useCreateConversation();
  const remove = useDeleteConversation();
  const stream = useAnswerStream();
  const [liveFor, setLiveFor] = useState<string | null>(null);
  const [draft, setDraft] = useState("");
  const [files, setFiles] = useState<PendingAttachment[]>([]);
  const [fileProblems, setFileProblems] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [turning, setTurning] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const logRef = useRef<HTMLDivElement>(null);

  // A different conversation: forget the last one's error.
  useEffect(() => setError(null), [id]);

  const live = stream.live && liveFor === id ? stream.live : null;
  const messages = conversation.data?.messages ?? [];
  const { settle } = stream;
  useEffect(() => {
    const reply = stream.live?.reply;
    if (!reply || !liveFor) return;
    const stored = qc.getQueryData<{ messages: ConversationMessage[] }>(assistKeys.detail(liveFor));
    if (stored?.messages.some((m) => m.seq === reply.reply_seq)) settle();
  }, [stream.live, liveFor, conversation.data, qc, settle]);

  const shown = live ? messages.filter((m) => m.seq <= live.afterSeq) : messages;
  useScrollToEnd(logRef, `${id}:${shown.length}:${live?.text.length ?? 0}:${live?.reply ? 1 : 0}`);

  // Don't lose an unsent question by leaving.
  const unsent = draft.trim() !== "" || files.length > 0;
  useEffect(() => {
    if (!unsent) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [unsent]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsent && currentLocation.pathname !== nextLocation.pathname);

  function addFiles(list: readonly File[]) {
    if (list.length === 0) return;
    const { next, problems } = addAttachments(files, list);
    setFiles(next);
    setFileProblems(problems);
  }

  function onPaste(e: ClipboardEvent<HTMLTextAreaElement>) {
    const images = Array.from(e.clipboardData.files).filter((f) => f.type.startsWith("image/"));
    if (images.length === 0) return;
    e.preventDefault();
    addFiles(images.map((f, i) => (f.name && f.name !== "image.png" ? f : new File([f], `pasted-screenshot-${i + 1}.${f.type.split("/")[1] ?? "png"}`, { type: f.type }))));
  }

  async function send() {
    const question = draft.trim();
    if (!question || stream.streaming || create.isPending) return;
    const pending = files;
    setError(null);
    setFileProblems([]);
    setDraft("");
    setFiles([]);
    let target = id;
    try {
      const attachments = await Promise.all(pending.map(encodeAttachment));
      let afterSeq = messages.at(-1)?.seq ?? 0;
      if (!target) {
        const created = await create.mutateAsync(undefined);
        target = created.id;
        afterSeq = 0;
        navigate(`/assist/${created.id}`);
      }
      const cid = target;
      setLiveFor(cid);
      await stream.run(
        { question, afterSeq, attachments: pending.map((a) => ({ filename: a.file.name, size: a.file.size })) },
        (handlers, signal) => sendMessage(cid, { content: question, attachments: attachments.length ? attachments : undefined }, handlers, signal),
      );
      void qc.invalidateQueries({ queryKey: assistKeys.detail(cid) });
      void qc.invalidateQueries({ queryKey: assistKeys.lists });
    } catch (e) {
      if (isAbort(e)) return;
      setError(e);
      setDraft((d) => d || question);
      setFiles((f) => (f.length ? f : pending));
      if (target && (!(e instanceof ApiError) || e.status !== 422)) void qc.invalidateQueries({ queryKey: assistKeys.detail(target) });
      inputRef.current?.focus();
    }
  }

  function startNew() {
    navigate("/assist");
    window.setTimeout(() => inputRef.current?.focus(), 0);
  }

  function confirmDelete() {
    if (!id) return;
    remove.mutate(id, {
      onSuccess: () => {
        setDeleting(false);
        toast.show("Conversation deleted.");
        navigate("/assist", { replace: true });
      },
    });
  }

  const notFound = conversation.error instanceof ApiError && (conversation.error.status === 404 || conversation.error.status === 422);
  const title = id ? (conversation.data?.title ?? "Conversation") : "New conversation";
  const empty = shown.length === 0 && !live;

  return (
    <div>
      <PageHeader
        title="ResolutionAssist"
        description="Troubleshoot with AI that answers from your team's flows, past sessions and knowledge documents."
        actions={
          id && conversation.data ? (
            <>
              {conversation.data.session_id && (
                <Link to={`/sessions/${conversation.data.session_id}`} className={buttonClasses("ghost", "md")}>
                  Open session
                </Link>
              )}
              <Button variant="secondary" onClick={() => setTurning(true)} disabled={messages.length === 0 || stream.streaming}>
                Turn into session
              </Button>
              <Button variant="secondary" onClick={() => setDeleting(true)} disabled={stream.streaming}>
                Delete conversation
              </Button>
            </>
          ) : null
        }
      />
      <div className="grid gap-4 md:grid-cols-[16rem_minmax(0,1fr)] md:h-[calc(100vh-11rem)] md:min-h-[28rem]">
        <ConversationList activeId={id} onNew={startNew} />
        <section aria-label={title} className="flex min-h-[24rem] flex-col rounded-lg bg-white ring-1 ring-slate-200">
          <h2 className="truncate border-b border-slate-100 px-4 py-2.5 text-sm font-semibold text-slate-900">{title}</h2>
          {id && conversation.isPending ? (
            <LoadingBlock label="Loading conversation" />
          ) : notFound ? (
            <div className="px-4 py-12 text-center">
              <p className="text-sm font-medium text-slate-900">This conversation doesn't exist</p>
              <p className="mt-1 text-sm text-slate-500">It may have been deleted, or the link is wrong.</p>
              <Button variant="secondary" className="mt-4" onClick={startNew}>
                New conversation
              </Button>
            </div>
          ) : conversation.isError ? (
            <div className="p-4">
              <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} title="Couldn't load this conversation" />
            </div>
          ) : (
            <>
              <div ref={logRef} aria-label="Messages" role="region" className="min-h-0 flex-1 space-y-3 overflow-y-auto px-4 py-3">
                {empty ? (
                  <div className="mx-auto max-w-lg py-8 text-center" data-testid="assist-empty">
                    <p className="text-sm font-medium text-slate-900">Ask about any IT problem</p>
                    <p className="mt-1 text-sm text-slate-600">
                      Lead with the fix, exact commands, warnings before anything destructive; answers come from your team's flows, past sessions
                      and knowledge documents.
                    </p>
                    <p className="mt-2 text-xs text-slate-500">
                      Attach a screenshot or a log (or paste an image). Passwords and keys in text and logs are redacted before anything leaves; screenshots go to the model as they are, so crop what shouldn't leave. When it turns into
                      real work, “Turn into session” carries the exchange onto a session's timeline.
                    </p>
                  </div>
                ) : (
                  shown.map((m) =>
                    m.role === "user" ? (
                      <QuestionBubble key={m.seq} content={m.content} attachments={attachmentsOf(m)} />
                    ) : (
                      <ReplyCard key={m.seq} reply={replyFromPayload(m.content, m.payload, m.seq)} />
                    ),
                  )
                )}
                {live && <LiveExchange live={live} />}
              </div>
              <div className="border-t border-slate-100 p-3">
                {error !== null && (
                  <p role="alert" className="mb-2 rounded-md bg-red-50 px-2.5 py-1.5 text-sm text-red-800 ring-1 ring-red-200">
                    Couldn't get an answer: {errorMessage(error)}
                  </p>
                )}
                <AttachmentChips files={files} problems={fileProblems} onRemove={(key) => setFiles((f) => f.filter((a) => a.key !== key))} />
                <ChatInput
                  label="Ask ResolutionAssist"
                  value={draft}
                  onChange={setDraft}
                  onSend={() => void send()}
                  sending={stream.streaming || create.isPending}
                  disabledReason={null}
                  placeholder="Describe the problem, paste an error or a log…"
                  inputRef={inputRef}
                  onPaste={onPaste}
                  extra={<AttachButton onFiles={addFiles} disabled={files.length >= 3} />}
                />
              </div>
            </>
          )}
        </section>
      </div>
      {turning && id && conversation.data && (
        <ToSessionDialog conversationId={id} defaultTitle={conversation.data.title} onClose={() => setTurning(false)} />
      )}
      <ConfirmDialog
        open={deleting}
        title="Delete conversation?"
        confirmLabel="Delete"
        danger
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onConfirm={confirmDelete}
        onClose={() => {
          setDeleting(false);
          remove.reset();
        }}
      >
        <p>“{title}” and its messages are deleted for good. A session made from it stays.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={blocker.state === "blocked"}
        title="Leave without sending?"
        confirmLabel="Leave"
        danger
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      >
        <p>Your message hasn't been sent yet. If you leave now, it's lost.</p>
      </ConfirmDialog>
    </div>
  );
}

function attachmentsOf(m: ConversationMessage): { filename: string; size: number }[] {
  const raw = m.payload?.attachments;
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((a): a is { filename: string; size: number } => !!a && typeof a === "object" && typeof a.filename === "string")
    .map((a) => ({ filename: a.filename, size: typeof a.size === "number" ? a.size : 0 }));
}

function AttachButton({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <label
      htmlFor={id}
      title={disabled ? "At most 3 files per message" : "PNG, JPEG, GIF or WebP screenshots, or text logs — up to 5 MB each"}
      className={
        disabled
          ? "cursor-not-allowed rounded-md px-2.5 py-1 text-xs font-medium text-slate-400 ring-1 ring-slate-200"
          : "cursor-pointer rounded-md bg-white px-2.5 py-1 text-xs font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 focus-within:ring-2 focus-within:ring-indigo-500"
      }
    >
      Attach screenshot or log
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        accept={ACCEPT}
        className="sr-only"
        disabled={disabled}
        data-testid="assist-attach-input"
        onChange={(e) => {
          onFiles(Array.from(e.target.files ?? []));
          if (input.current) input.current.value = "";
        }}
      />
    </label>
  );
}

function AttachmentChips({ files, problems, onRemove }: { files: PendingAttachment[]; problems: string[]; onRemove: (key: string) => void }) {
  if (files.length === 0 && problems.length === 0) return null;
  return (
    <div className="mb-2 space-y-1">
      {files.length > 0 && (
        <ul aria-label="Attachments" className="flex flex-wrap gap-1.5">
          {files.map((a) => (
            <li key={a.key} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-xs text-slate-700 ring-1 ring-slate-200">
              <span className="max-w-[16rem] truncate" title={a.file.name}>
                {a.file.name}
              </span>
              <span className="text-slate-500">{formatSize(a.file.size)}</span>
              <button
                type="button"
                aria-label={`Remove ${a.file.name}`}
                onClick={() => onRemove(a.key)}
                className="grid size-5 place-items-center rounded-full text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <ul role="alert" className="space-y-0.5 text-xs text-red-700">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
