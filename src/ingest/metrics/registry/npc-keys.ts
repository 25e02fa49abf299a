/** The 人大's work: deliberation opinions, special reports, legislation, inquiries, sessions. */
import type { KeyDef } from './key-def.js';

export const NPC_KEYS = [
  { key: 'opinions.deliberation', label: '审议意见', units: ['件', '条'], cues: ['审议意见'] },
  { key: 'reports.special_work', label: '专项工作报告', units: ['项', '个', '次'], cues: ['专项工作报告', '工作报告'] },
  // Laws are made by 人大; a 政府 report's 提请审议法规N件 are drafts it submitted (legislation.drafts).
  {
    key: 'legislation.laws',
    label: '法规',
    units: ['件', '部', '项'],
    bodies: ['人大'],
    cues: ['法规', '决定'],
    // 作出决定决议5项 are decisions, not laws; 制定地方性法规、决定17件 counts laws.
    needs: { words: /法规|法律/, reason: '决定或决议，非法规' },
  },
  {
    key: 'legislation.drafts',
    govHandles: true,
    label: '法规草案',
    units: ['件', '项', '部'],
    cues: ['草案', /提请[^,，]{0,16}审议/],
  },
  { key: 'legislation.passed', label: '通过法规', units: ['件', '项', '部'], cues: [/^[、，,]?通过$/] },
  {
    key: 'documents.reviewed',
    label: '规范性文件审查',
    units: ['件', '份'],
    cues: ['规范性文件', '备案审查'],
    needs: { words: /审查|备案/, reason: '文件的制定或废止，非审查' },
  },
  {
    key: 'appointments.person_times',
    goldLabels: ['任免国家机关工作人员(五年)'],
    label: '任免',
    units: ['人次', '名', '人'],
    cues: ['任免', '任命'],
  },
  { key: 'inquiries.special', label: '专题询问', units: ['次', '项'], cues: ['专题询问', '询问'] },
  {
    key: 'session.members_expected',
    goldLabels: ['应到委员', '应出席委员'],
    label: '应出席委员',
    units: ['人', '名'],
    cues: ['应出席', '应到'],
  },
  {
    key: 'session.members_present',
    goldLabels: ['实到委员', '实际到会'],
    label: '实到委员',
    units: ['人', '名'],
    cues: ['实到', '实际出席', '出席'],
  },
] as const satisfies readonly KeyDef[];
