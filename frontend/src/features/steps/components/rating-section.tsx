/** Your stars (1–5) and optional review of a step; rating again replaces yours. */
import { type FormEvent, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, TextareaField } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { errorMessage, fieldErrors, toProblem } from "@/lib/problem";
import type { LibraryStep } from "@/lib/steps";
import { useRateStep } from "../api/rate-step";
import { StarInput } from "./star-input";

export function RatingSection({ step }: { step: LibraryStep }) {
  const rate = useRateStep(step.id);
  const toast = useToast();
  const [stars, setStars] = useState(step.my_rating?.stars ?? 0);
  const [review, setReview] = useState(step.my_rating?.review ?? "");
  const [missing, setMissing] = useState(false);
  const hintId = useId();
  const serverErrors = rate.error ? fieldErrors(toProblem(rate.error)) : {};
  const unchanged = step.my_rating != null && step.my_rating.stars === stars && step.my_rating.review === review.trim();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (stars < 1) {
      setMissing(true);
      return;
    }
    rate.mutate(
      { stars, review: review.trim() },
      { onSuccess: () => toast.show(step.my_rating ? "Your rating was updated." : "Thanks: your rating was saved.") },
    );
  }

  return (
    <section aria-labelledby={`${hintId}-title`} className="space-y-3 rounded-lg bg-white p-4 ring-1 ring-slate-200">
      <h2 id={`${hintId}-title`} className="text-sm font-semibold text-slate-900">
        Your rating
      </h2>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <div className="space-y-1">
          <StarInput
            value={stars}
            onChange={(n) => {
              setStars(n);
              setMissing(false);
            }}
            disabled={rate.isPending}
            describedBy={hintId}
          />
          <p id={hintId} className={missing || serverErrors.stars ? "text-xs text-red-600" : "text-xs text-slate-500"}>
            {missing
              ? "Choose from 1 to 5 stars."
              : (serverErrors.stars ??
                (step.my_rating ? `You gave it ${step.my_rating.stars} of 5. Rating again replaces it.` : "How well did this step work for you?"))}
          </p>
        </div>
        <TextareaField
          label="Review (optional)"
          value={review}
          maxLength={5000}
          onChange={(e) => setReview(e.target.value)}
          error={serverErrors.review}
          placeholder="What worked, what to watch out for…"
        />
        <FormError message={rate.error && !serverErrors.stars && !serverErrors.review ? errorMessage(rate.error, ["stars", "review"]) : null} />
        <Button type="submit" loading={rate.isPending} disabled={unchanged}>
          {step.my_rating ? "Update rating" : "Save rating"}
        </Button>
      </form>
    </section>
  );
}
