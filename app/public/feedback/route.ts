import { submitPublicFeedback } from '@/lib/data/public-feedback';
import { publicFeedbackSchema } from '@/lib/schemas/public-feedback';
import { PUBLIC_PAGES, runPublicAction } from '@/lib/server/actions';
import { clientAddress } from '@/lib/server/client-address';

export const dynamic = 'force-dynamic';

const STATUS: Record<string, number> = { SAVED: 200, INVALID_INPUT: 400, NOT_FOUND: 404, DATABASE_UNAVAILABLE: 503, UNEXPECTED: 500 };

/**
 * The public's comment or complaint on an application in its notice: a form
 * post from the application's public page, answered with runAction's small
 * result as JSON (429 when the client address has sent too many).
 */
export async function POST(request: Request) {
  const input = await request.formData().catch(() => null);
  const result = await runPublicAction({
    schema: publicFeedbackSchema,
    input: input ?? {},
    write: (data) => submitPublicFeedback({ address: clientAddress(request.headers), input: data }),
    revalidate: [PUBLIC_PAGES],
  });
  const throttled = result.fieldErrors?._form?.includes('throttled');
  const status = throttled ? 429 : (STATUS[result.message ?? 'UNEXPECTED'] ?? 400);
  return Response.json(result, { status, headers: { 'Cache-Control': 'no-store' } });
}
