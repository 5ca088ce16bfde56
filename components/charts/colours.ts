import type { ProjectStage } from '@/lib/generated/prisma/enums';

/** Stage colours shared by every chart (the badges use the same hues). */
export const STAGE_COLOURS: Record<ProjectStage, string> = {
  APPROVED: '#94a3b8',
  ONLINE: '#0284c7',
  PROMOTION: '#059669',
  COMPLETED: '#7c3aed',
  WITHDRAWN: '#a1a1aa',
};

/** One colour per direction, in direction order. */
export const DIRECTION_COLOURS = ['#b91c1c', '#d97706', '#2563eb', '#0d9488', '#7c3aed', '#db2777'];

/** The 「未公开」 bucket: what the record does not say is drawn apart, in grey. */
export const UNDISCLOSED_COLOUR = '#cbd5e1';
