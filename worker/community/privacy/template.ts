/**
 * The default privacy notice every community starts with (its version 1), in Chinese and English Markdown.
 * `{{community}}` and `{{contact}}` are filled from the community's name and the contact its administrators give.
 * The periods match what the product does: children's consent details 30 days after the activity, care records
 * 12 months after care ends, library borrowers per the library's own setting.
 */
export const defaultNoticeZh = `# {{community}} 隐私告知

本告知说明 {{community}} 在“互助”社区平台上收集哪些个人信息、为什么收集、谁能看到、保存多久，以及你享有的权利。我们依照《中华人民共和国个人信息保护法》处理你的信息：只收集社区互助需要的信息，不出售，不用于广告。

## 我们保存哪些信息

- **姓名或称呼**：你加入时填写的名字，邻居和组织者据此认出你。
- **楼栋和门牌**（可不填）：用来把你和楼栋联络人联系起来，并让同一户只计一次。
- **电话号码**（可不填，需单独同意）：只在你自己填写时保存，例如登记照护时。
- **子女信息**（由监护人填写，需单独同意）：孩子的名字、出生年月；报名儿童活动时的紧急联系人和过敏、特殊需要。
- **照护记录**（需单独同意）：居家养老的登记、需要、探访记录和关切事项。
- **账目记录**：你经手或与你有关的收支、报销，社区账目向成员公开。
- **照片**：活动和议题中上传的照片，由上传人负责征得被拍摄人同意。
- **参与记录**：报名、签到、志愿时长、提出和支持的议题、借阅记录等。

## 谁能看到

- 你的名字和楼栋：社区成员在活动、俱乐部、议题等页面上能看到。
- 电话、子女的紧急联系人和特殊需要：只有该活动的组织者在活动前后能看到。
- 照护记录：只有照护协调员、与老人结对的志愿者和登记人能看到。
- 居民协会管理员为管理需要可以看到成员名单和角色。
- 平台运营方只为维护系统而处理数据，不查看具体内容。

## 保存多久

- 儿童活动的同意书细节（紧急联系人、过敏和特殊需要）：活动结束 30 天后删除。
- 照护记录：照护结束 12 个月后删除。
- 借阅记录：按图书室自己的设置，在归还若干个月后不再记录借阅人。
- 其他信息：在你是成员期间保存；你离开社区并要求删除后删除，法律要求保留的账目记录除外。

## 你的权利

- **查看和下载**：在“我的数据”（/me/data）查看并下载社区保存的关于你的信息。
- **更正**：名字、楼栋或门牌有误，请居民协会管理员或你的楼栋联络人更正。
- **撤回同意**：在“我的隐私”（/me/privacy）随时撤回对子女信息、照护记录、电话号码的单独同意。撤回不会自动删除已有信息；如需删除，请按下面的方式提出。
- **离开和删除**：你可以离开社区并要求删除你的个人信息。

## 联系我们

对本告知或你的个人信息有任何问题，请联系：{{contact}}。
`;

export const defaultNoticeEn = `# {{community}} privacy notice

This notice explains what personal information {{community}} keeps on the Huzhu community platform, why, who can see it, how long it is kept, and your rights. We handle your information under China's Personal Information Protection Law: we collect only what neighbourly help needs, never sell it and never use it for advertising.

## What we keep

- **Your name**: the name you give when joining, so neighbours and organisers know you.
- **Building and flat** (optional): to put you in touch with your building contact and count a household once.
- **Phone number** (optional, separate consent): kept only when you give it yourself, for example when registering for care.
- **Children's details** (recorded by a guardian, separate consent): a child's name and birth month; for a children's activity, an emergency contact and any allergies or needs.
- **Care records** (separate consent): home elder care registrations, needs, visit records and concerns.
- **Ledger entries**: money you handled or that concerns you; the community's accounts are open to its members.
- **Photos**: photos uploaded for activities and issues; whoever uploads one asks the people in it.
- **Participation**: sign-ups, check-ins, volunteer hours, issues you raised or supported, library loans.

## Who sees what

- Your name and building: members of the community, on activities, clubs, issues and similar pages.
- Phone numbers, a child's emergency contact and needs: only the organisers of that activity, around the activity.
- Care records: only care coordinators, the volunteers paired with the elder and whoever registered them.
- Association administrators see the member list and roles, to run the community.
- The platform's operator processes data only to keep the system running and does not read it.

## How long

- The details of a children's activity consent (emergency contact, allergies and needs): erased 30 days after the activity.
- Care records: erased 12 months after care ends.
- Library loans: after the number of months the library sets, a returned loan no longer records who borrowed it.
- Everything else: kept while you are a member; erased when you leave and ask for deletion, except ledger records the law requires the community to keep.

## Your rights

- **See and download**: under "My data" (/me/data), see and download what the community keeps about you.
- **Correct**: if your name, building or flat is wrong, ask an association administrator or your building contact to correct it.
- **Withdraw consent**: under "My privacy" (/me/privacy), withdraw your separate consent to children's details, care records or your phone number at any time. Withdrawing does not erase what is already kept; to have it erased, ask as below.
- **Leave and ask for deletion**: you can leave the community and ask for your personal information to be erased.

## Contact

For any question about this notice or your personal information, contact: {{contact}}.
`;

export const defaultContactZh = '居民协会管理员（社区活动室，或在本平台“成员”页找到管理员）';
export const defaultSummaryZh = '首个版本：社区采用平台的默认隐私告知。';
export const defaultSummaryEn = 'First version: the community uses the platform’s default privacy notice.';
