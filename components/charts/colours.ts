import type { StageMeaning } from '@/lib/generated/prisma/enums';

/** Stage colours shared by every chart (the badges use the same hues): along the path in order, grey for a way off it. */
const PATH_COLOURS = ['#94a3b8', '#0284c7', '#059669', '#0d9488', '#7c3aed', '#6d28d9', '#4338ca', '#1e40af'];
export const stageColour = (stage: { sortOrder: number; meaning: StageMeaning }) =>
  stage.meaning === 'LEFT' ? '#a1a1aa' : PATH_COLOURS[(stage.sortOrder - 1) % PATH_COLOURS.length];

/** One colour per direction, in direction order. */
export const DIRECTION_COLOURS = ['#b91c1c', '#d97706', '#2563eb', '#0d9488', '#7c3aed', '#db2777'];

/** The 「未公开」 bucket: what the record does not say is drawn apart, in grey. */
export const UNDISCLOSED_COLOUR = '#cbd5e1';
