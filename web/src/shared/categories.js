// The 17 categories (ARCHITECTURE.md, Contract 2) as people read them: a
// label, why it matters in plain English, and the policy sections behind it.
// Shared by the self-service page and the extension ("Why this matters").

export const CATEGORIES = [
  {
    id: 'personal-data',
    label: 'Personal data',
    reason: 'Phone numbers, emails, home addresses, dates of birth, NHS or National Insurance numbers and bank details identify people. Publishing them without express permission breaches data protection law, and once posted they can be copied and kept even after you delete them.',
    sources: [
      { policy: 'combined-authority', section: '10', title: 'Data Protection' },
      { policy: 'west-oxfordshire', section: '4.2', title: 'Potential Legal Issues' },
    ],
  },
  {
    id: 'credentials',
    label: 'Passwords and codes',
    reason: 'A password, PIN or one-time code in a post lets anyone who reads it into the account. Keep accounts secure and never let anyone else in.',
    sources: [{ policy: 'west-oxfordshire', section: '4.0', title: 'General Responsibilities' }],
  },
  {
    id: 'confidential',
    label: 'Confidential business',
    reason: 'Exempt (Part II) reports, closed sessions, briefings given in confidence, embargoed or leaked material must not be disclosed. Doing so breaks the Code of Conduct and can harm people and the council.',
    sources: [
      { policy: 'west-oxfordshire', section: '4.0', title: 'General Responsibilities' },
      { policy: 'combined-authority', section: '12', title: 'Do not disclose confidential information' },
      { policy: 'combined-authority', section: '13', title: "Don'ts" },
    ],
  },
  {
    id: 'defamation',
    label: 'Defamation',
    reason: 'Stating as fact that an identifiable person lied, stole, is corrupt or committed a crime can be libel if it is untrue or cannot be proved. A successful claim can mean damages against you personally.',
    sources: [
      { policy: 'combined-authority', section: '10', title: 'Libel' },
      { policy: 'west-oxfordshire', section: '4.2', title: 'Potential Legal Issues' },
    ],
  },
  {
    id: 'abuse',
    label: 'Abuse and insults',
    reason: 'Insults and personal attacks, even disguised spellings, fail the duty to treat others with respect and can be bullying or harassment. Criticise decisions and arguments, not people.',
    sources: [
      { policy: 'combined-authority', section: '12', title: 'Treat others with respect' },
      { policy: 'west-oxfordshire', section: '4.0', title: 'General Responsibilities' },
    ],
  },
  {
    id: 'threat',
    label: 'Threats and intimidation',
    reason: 'Threats, intimidation and calls to gather at someone’s home can be criminal (harassment, incitement) and put people at risk.',
    sources: [
      { policy: 'west-oxfordshire', section: '4.0', title: 'General Responsibilities' },
      { policy: 'west-oxfordshire', section: '4.2', title: 'Incitement; Harassment' },
      { policy: 'combined-authority', section: '12', title: 'Never bully or harass anyone' },
    ],
  },
  {
    id: 'discrimination',
    label: 'Discrimination',
    reason: 'Slurs and hostile generalisations about race, religion, sex, sexual orientation, gender identity, disability or age break equality law and the Code of Conduct.',
    sources: [
      { policy: 'west-oxfordshire', section: '4.0', title: 'General Responsibilities' },
      { policy: 'combined-authority', section: '12', title: 'Comply with equality laws' },
    ],
  },
  {
    id: 'predetermination',
    label: 'Bias and predetermination',
    reason: 'Saying your mind is made up on a planning or licensing decision still to be taken can make the decision unlawful and open to challenge. You can have a view; you must stay genuinely open to the evidence (Localism Act 2011, s.25).',
    sources: [
      { policy: 'combined-authority', section: '10', title: 'Bias and Predetermination' },
      { policy: 'west-oxfordshire', section: '4.2', title: 'Bias; Judicial Review' },
    ],
  },
  {
    id: 'official-capacity',
    label: 'Speaking for the council',
    reason: 'Posts must not imply you speak for the council as a whole. On a personal account, council business or “as your councillor” wording puts the account under the Code of Conduct.',
    sources: [
      { policy: 'west-oxfordshire', section: '3.1', title: 'Acting in Capacity as a Councillor' },
      { policy: 'west-oxfordshire', section: '4.0', title: 'General Responsibilities' },
      { policy: 'combined-authority', section: '11', title: 'Social Media and the Code of Conduct' },
    ],
  },
  {
    id: 'staff-attack',
    label: 'Attacks on staff',
    reason: 'Officers and staff cannot answer back in public. Attacking, insulting or blaming them, or service users, on social media is something both policies forbid.',
    sources: [{ policy: 'combined-authority', section: '13', title: "Don'ts" }],
  },
  {
    id: 'haste',
    label: 'Posting in haste',
    reason: 'Shouting, strings of exclamation marks, late-night posting and posting after a drink are signs of a post you may regret. Give it a moment before you press Post.',
    sources: [
      { policy: 'combined-authority', section: '13', title: "Don't post in haste" },
      { policy: 'combined-authority', section: '6', title: 'Things to bear in mind' },
    ],
  },
  {
    id: 'misinformation',
    label: 'Rumours and misinformation',
    reason: 'Councillors should only share accurate information from reliable sources. “Share before it’s deleted” and unconfirmed rumours spread fast and are hard to take back.',
    sources: [
      { policy: 'west-oxfordshire', section: '4.0', title: 'General Responsibilities' },
      { policy: 'west-oxfordshire', section: '4.1', title: 'Dealing with Mis-Information' },
    ],
  },
  {
    id: 'unsafe-link',
    label: 'Unsafe links',
    reason: 'Links to raw IP addresses, look-alike or disguised domains, and short links asking for details are common in phishing and malware. Sharing them puts your followers at risk.',
    sources: [{ policy: 'combined-authority', section: '8', title: 'Risks' }],
  },
  {
    id: 'copyright',
    label: 'Copyright',
    reason: 'Republishing whole articles or other people’s photos without permission is likely to breach copyright and can lead to damages.',
    sources: [
      { policy: 'combined-authority', section: '10', title: 'Copyright' },
      { policy: 'west-oxfordshire', section: '4.2', title: 'Potential Legal Issues' },
    ],
  },
  {
    id: 'safeguarding',
    label: 'Safeguarding',
    reason: 'Naming a child or vulnerable adult together with their age, school or where they live can let someone find and harm them.',
    sources: [
      { policy: 'combined-authority', section: '8', title: 'Risks' },
      { policy: 'west-oxfordshire', section: '4.0', title: 'General Responsibilities' },
    ],
  },
  {
    id: 'obscene',
    label: 'Obscene language',
    reason: 'Obscene or sexual language is offensive to many readers, can be a criminal matter, and brings your role and the council into disrepute.',
    sources: [
      { policy: 'west-oxfordshire', section: '4.2', title: 'Publication of Obscene Material' },
      { policy: 'combined-authority', section: '13', title: "Don'ts" },
    ],
  },
  {
    id: 'meeting-use',
    label: 'Posting during a meeting',
    reason: 'Posting during a council meeting, especially a regulatory one such as planning or licensing, can look like you are not engaging with the facts and arguments.',
    sources: [
      { policy: 'west-oxfordshire', section: '4.0', title: 'General Responsibilities' },
      { policy: 'combined-authority', section: '13', title: "Don'ts" },
    ],
  },
];

export const CATEGORY_BY_ID = Object.fromEntries(CATEGORIES.map((c) => [c.id, c]));

export const SEVERITY_ORDER = ['serious', 'warning', 'advice', 'info'];

export const SEVERITY_LABEL = { serious: 'Serious', warning: 'Warning', advice: 'Advice', info: 'Hint' };

export const POLICY_NAMES = {
  'west-oxfordshire': 'Social Media Policy for Councillors (district council)',
  'combined-authority': 'Social Media Protocol for Members (combined authority)',
};
