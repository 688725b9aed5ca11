/** A proposal's comments (redacted by the server), and a form for engineers and up to add one. */
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextareaField } from "@/components/ui/input";
import { formatDateTime } from "@/lib/format";
import { errorMessage, fieldErrors, toProblem } from "@/lib/problem";
import { useHasRole } from "@/lib/use-role";
import { useCommentProposal } from "../api/review-proposal";
import type { Proposal } from "../api/types";

export function CommentsSection({ proposal }: { proposal: Proposal }) {
  const headingId = useId();
  const canComment = useHasRole("engineer");
  const comments = proposal.comments ?? [];
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-base font-semibold text-slate-900">
        Comments
      </h2>
      {comments.length === 0 ? (
        <p className="text-sm text-slate-500">No comments yet.</p>
      ) : (
        <ul className="space-y-2" aria-label="Comments">
          {comments.map((c) => (
            <li key={c.id} className="rounded-lg bg-white px-4 py-2.5 ring-1 ring-slate-200" data-testid="proposal-comment">
              <p className="text-xs text-slate-500">
                <span className="font-medium text-slate-700">{c.author_name ?? "Someone"}</span> · {formatDateTime(c.created_at)}
              </p>
              <p className="mt-0.5 text-sm whitespace-pre-wrap text-slate-800">{c.text}</p>
            </li>
          ))}
        </ul>
      )}
      {canComment && <CommentForm proposalId={proposal.id} />}
    </section>
  );
}

function CommentForm({ proposalId }: { proposalId: string }) {
  const comment = useCommentProposal(proposalId);
  const [text, setText] = useState("");
  const [touched, setTouched] = useState(false);
  const serverField = comment.error ? fieldErrors(toProblem(comment.error)).text : undefined;
  const missing = touched && !text.trim() ? "Write something first." : undefined;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setTouched(true);
    if (!text.trim()) {
      e.currentTarget.querySelector("textarea")?.focus();
      return;
    }
    comment.mutate(text.trim(), {
      onSuccess: () => {
        setText("");
        setTouched(false);
      },
    });
  }

  return (
    <form onSubmit={submit} className="space-y-2" noValidate aria-label="Add a comment">
      <TextareaField
        label="Add a comment"
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={missing ?? serverField}
        hint="Everyone who can see the queue reads it; team admins decide."
        maxLength={4000}
      />
      <FormError message={comment.error && !serverField ? errorMessage(comment.error, ["text"]) : null} />
      <div className="flex justify-end">
        <Button type="submit" variant="secondary" loading={comment.isPending}>
          Comment
        </Button>
      </div>
    </form>
  );
}
