// The option of the kinds that judge a filled cell and report a blank one (rate,
// fund-score, indicator-range): which of the two a rule instance reports, so each
// may carry its own severity (a wrong rate is an error, a blank one a warning).
import type { z } from 'zod';
import { lazySchema } from '../../lazy-zod.js';

export const cellsOption = lazySchema((z) => z.array(z.enum(['filled', 'blank'])).min(1).default(['filled', 'blank']));
