/** The returns board as a sheet: one row per project that owes the period's return, with where it stands. */
import type { BoardRow } from '../../data/return-board';
import { formatMoment } from '../../rules/time';
import type { Column } from '../tabular/columns';

export type ReturnBoardSheetRow = BoardRow & { period: string };

export const returnBoardColumns: Column<ReturnBoardSheetRow>[] = [
  { key: 'period', zh: '报送期间', en: 'Period', value: (r) => r.period },
  { key: 'code', zh: '项目编号', en: 'Project code', value: (r) => r.code },
  { key: 'name', zh: '项目名称', en: 'Project name', value: (r) => r.name },
  { key: 'lead', zh: '牵头机构', en: 'Lead institution', value: (r) => r.leadName ?? '' },
  { key: 'direction', zh: '方向', en: 'Direction', value: (r, c) => (c.locale === 'zh' ? r.directionName : r.directionNameEn) ?? '' },
  { key: 'state', zh: '报送状态', en: 'Status', value: (r, c) => c.t(`returnBoard.state.${r.state}`) },
  { key: 'stateCode', zh: '报送状态代码', en: 'Status code', value: (r) => r.state, machine: true },
  { key: 'late', zh: '逾期', en: 'Late', value: (r) => r.late },
  { key: 'due', zh: '截止日期', en: 'Due date', value: (r) => r.due },
  {
    key: 'firstSubmittedAt',
    zh: '首次提交时间（北京时间）',
    en: 'First filed (Beijing time)',
    value: (r) => (r.firstSubmittedAt ? formatMoment(r.firstSubmittedAt) : ''),
  },
  { key: 'isSample', zh: '示例数据', en: 'Sample data', value: (r) => r.isSample },
];
