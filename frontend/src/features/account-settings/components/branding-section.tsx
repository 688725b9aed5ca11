/**
 * "Branding": how exported PDFs look — a logo in the header, a colour for headings, a footer line
 * on every page. Colour and footer save together; the logo uploads (and is removed) on its own.
 * A live preview shows a page with the unsaved values.
 */
import { type FormEvent, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError, InputField } from "@/components/ui/input";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { errorMessage, fieldErrors, toProblem } from "@/lib/problem";
import { type Branding, useBranding, useLogoUrl, useRemoveLogo, useSaveBranding, useUploadLogo } from "../api/branding";
import { colorError, footerError, logoError, MAX_FOOTER } from "../model/branding";

const DEFAULT_COLOR = "#1e293b";

export function BrandingSection() {
  const branding = useBranding();
  const titleId = useId();
  return (
    <section className="space-y-4" aria-labelledby={titleId}>
      <div className="space-y-0.5">
        <h2 id={titleId} className="text-sm font-semibold text-slate-900">
          Branding
        </h2>
        <p className="text-xs text-slate-500">How exported PDFs look: your logo at the top of each page, a colour for headings, and a footer line on every page.</p>
      </div>
      {branding.isPending ? (
        <LoadingBlock label="Loading branding" />
      ) : branding.isError ? (
        <ErrorState error={branding.error} onRetry={() => void branding.refetch()} title="Couldn't load the branding" />
      ) : (
        <BrandingForm saved={branding.data} />
      )}
    </section>
  );
}

function BrandingForm({ saved }: { saved: Branding }) {
  const [color, setColor] = useState(saved.primary_color ?? "");
  const [footer, setFooter] = useState(saved.footer_text);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [logoProblem, setLogoProblem] = useState<string | null>(null);
  const save = useSaveBranding();
  const upload = useUploadLogo();
  const remove = useRemoveLogo();
  const toast = useToast();
  const fileRef = useRef<HTMLInputElement>(null);
  const logoUrl = useLogoUrl(saved.logo?.url);
  const logoInputId = useId();

  const colorProblem = colorError(color) ?? serverErrors.primary_color ?? null;
  const footerProblem = footerError(footer) ?? serverErrors.footer_text ?? null;
  const dirty = color.trim() !== (saved.primary_color ?? "") || footer !== saved.footer_text;
  const shownColor = !colorError(color) && color.trim() ? color.trim() : DEFAULT_COLOR;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (colorError(color) || footerError(footer)) return;
    setServerErrors({});
    save.mutate(
      { primary_color: color.trim() || null, footer_text: footer.trim() },
      {
        onSuccess: () => toast.show("Branding saved."),
        onError: (error) => setServerErrors(fieldErrors(toProblem(error))),
      },
    );
  }

  function onFile(file: File | undefined) {
    if (!file) return;
    const problem = logoError(file);
    setLogoProblem(problem);
    if (problem) return;
    upload.mutate(file, {
      onSuccess: () => toast.show("Logo uploaded."),
      onError: (error) => setLogoProblem(errorMessage(error)),
      onSettled: () => {
        if (fileRef.current) fileRef.current.value = "";
      },
    });
  }

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <div className="space-y-4">
        <form onSubmit={onSubmit} className="space-y-3" noValidate>
          <div className="flex items-end gap-2">
            <InputField
              label="Heading colour"
              hint="# and six hex digits; empty for the default slate."
              value={color}
              placeholder={DEFAULT_COLOR}
              onChange={(e) => {
                setColor(e.target.value);
                setServerErrors((s) => ({ ...s, primary_color: "" }));
              }}
              error={colorProblem ?? undefined}
              className="flex-1"
              maxLength={7}
            />
            <input
              type="color"
              aria-label="Pick the heading colour"
              value={shownColor}
              onChange={(e) => setColor(e.target.value)}
              className="mb-6 h-9 w-10 cursor-pointer rounded border-0 bg-transparent p-0"
            />
          </div>
          <InputField
            label="Footer text"
            hint={`One line on every page, up to ${MAX_FOOTER} characters (${footer.length}/${MAX_FOOTER}).`}
            value={footer}
            onChange={(e) => {
              setFooter(e.target.value);
              setServerErrors((s) => ({ ...s, footer_text: "" }));
            }}
            error={footerProblem ?? undefined}
          />
          <FormError message={save.isError && Object.keys(serverErrors).length === 0 ? errorMessage(save.error) : null} />
          <Button type="submit" loading={save.isPending} disabled={!dirty || Boolean(colorError(color) || footerError(footer))}>
            Save branding
          </Button>
        </form>
        <div className="space-y-2">
          <label htmlFor={logoInputId} className="block text-sm font-medium text-slate-700">
            Logo
          </label>
          <p className="text-xs text-slate-500">PNG or JPEG, at most 512 KB and 2000 × 2000 pixels. Stored without its metadata.</p>
          <div className="flex flex-wrap items-center gap-2">
            <input
              ref={fileRef}
              id={logoInputId}
              type="file"
              accept="image/png,image/jpeg"
              onChange={(e) => onFile(e.target.files?.[0])}
              disabled={upload.isPending}
              className="text-sm text-slate-700 file:mr-2 file:rounded-md file:border-0 file:bg-slate-100 file:px-2.5 file:py-1 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-200"
            />
            {saved.logo && (
              <Button
                variant="secondary"
                size="sm"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(undefined, {
                    onSuccess: () => toast.show("Logo removed."),
                    onError: (error) => setLogoProblem(errorMessage(error)),
                  })
                }
              >
                Remove logo
              </Button>
            )}
          </div>
          <FormError message={logoProblem} />
        </div>
      </div>
      <figure className="space-y-1">
        <figcaption className="text-xs font-medium text-slate-500">Preview</figcaption>
        <div data-testid="branding-preview" className="flex aspect-[1/1.2] flex-col rounded-md bg-white p-4 text-[10px] text-slate-700 shadow-sm ring-1 ring-slate-200">
          <div className="mb-2 h-8">
            {logoUrl ? <img src={logoUrl} alt="Your logo" className="max-h-8 max-w-[50%] object-contain" /> : saved.logo ? null : <span className="text-slate-400">No logo</span>}
          </div>
          <p className="text-sm font-semibold" style={{ color: shownColor }}>
            Printer offline on floor 2
          </p>
          <p className="mt-2 border-b pb-0.5 text-xs font-semibold" style={{ color: shownColor, borderColor: shownColor }}>
            Steps performed
          </p>
          <p className="mt-1">1. Does the printer answer a ping? → Yes</p>
          <p>2. Restarted the print spooler</p>
          <div className="mt-auto flex justify-between border-t border-slate-100 pt-1 text-[9px] text-slate-500">
            <span data-testid="branding-preview-footer">{footer.trim()}</span>
            <span>Page 1 of 1</span>
          </div>
        </div>
      </figure>
    </div>
  );
}
