import { Link } from "react-router";
import { buttonClasses } from "@/components/ui/button";

export function NotFoundPage() {
  return (
    <section className="mx-auto max-w-lg py-16 text-center" aria-labelledby="not-found-title">
      <h1 id="not-found-title" className="text-lg font-semibold text-slate-900">
        Page not found
      </h1>
      <p className="mt-2 text-sm text-slate-500">
        Nothing lives at this address. It may have moved, or the link may be mistyped.
      </p>
      <Link to="/" className={buttonClasses("secondary", "md", "mt-6")}>
        Back to Home
      </Link>
    </section>
  );
}
