//! The workbench's texts, each a (Chinese, English) pair side by side so a missing translation
//! shows at a glance. Status, role and right-type names come from `portal_domain` in both
//! languages.

use leptos::prelude::*;
use portal_domain::calendar::Date;
use portal_domain::Lang;

use crate::prefs::use_prefs;

/// A text in Chinese and English.
pub type Tr = (&'static str, &'static str);

/// A reactive text: `{tr(LOGIN_HEADING)}` follows the language switch.
pub fn tr(text: Tr) -> impl Fn() -> &'static str + Copy + 'static {
    let prefs = use_prefs();
    move || pick(prefs.lang.get(), text)
}

pub fn pick(lang: Lang, text: Tr) -> &'static str {
    match lang {
        Lang::Zh => text.0,
        Lang::En => text.1,
    }
}

// Frame
pub const WORKBENCH: Tr = ("工作台", "Staff workbench");
pub const STAFF_NAV: Tr = ("工作台导航", "Workbench navigation");
pub const SIGNED_IN_AS: Tr = ("当前登录：", "Signed in as ");
pub const LOG_OUT: Tr = ("退出登录", "Sign out");
pub const NAV_OVERVIEW: Tr = ("概览", "Overview");
pub const NAV_CASES: Tr = ("案件队列", "Case queue");
pub const NAV_DESK: Tr = ("预约前台", "Booking desk");
pub const NAV_AUDIT: Tr = ("操作日志", "Audit log");
pub const LOADING: Tr = ("正在加载……", "Loading…");
pub const PAGE_TITLE_SUFFIX: Tr = ("工作台", "Staff workbench");

// Login
pub const LOGIN_HEADING: Tr = ("工作人员登录", "Staff sign in");
pub const LOGIN_LEAD: Tr = (
    "仅限南通市知识产权保护中心工作人员使用。账号由管理员开设。",
    "For staff of the Nantong IP Protection Center only. Accounts are opened by an administrator.",
);
pub const USERNAME: Tr = ("用户名", "Username");
pub const PASSWORD: Tr = ("密码", "Password");
pub const LOGIN_BUTTON: Tr = ("登录", "Sign in");
pub const SIGNING_IN: Tr = ("正在登录……", "Signing in…");
pub const EXPIRED_NOTICE: Tr = (
    "您的登录已失效（30 分钟无操作或登录已满 12 小时）。请重新登录，登录后将回到原来的页面。",
    "Your session has ended (30 minutes without activity, or 12 hours after signing in). Sign in again to go back to the page you were on.",
);
pub const SIGN_IN_FIRST: Tr = ("请先登录。", "Sign in to continue.");
pub const SIGNED_OUT: Tr = ("您已退出登录。", "You have signed out.");
pub const NOT_SENT: Tr = (
    "未能连接到服务器，请检查网络后重试。",
    "The server could not be reached. Check the connection and try again.",
);

// Access
pub const NO_ACCESS_HEADING: Tr = (
    "您没有访问此页面的权限",
    "You do not have access to this page",
);
pub const NO_ACCESS_BODY: Tr = (
    "您的账号没有此页面所需的角色。如需开通，请联系管理员。您可以使用：",
    "Your account does not have the role this page needs. Ask an administrator if you should. You can use:",
);

// Case queue
pub const QUEUE_HEADING: Tr = ("案件队列", "Case queue");
pub const QUEUE_LEAD: Tr = (
    "维权援助申请，按提交时间排列（最早的在前）。",
    "Rights-assistance requests, oldest submission first.",
);
pub const FILTERS: Tr = ("筛选", "Filters");
pub const FILTER_STATUS: Tr = ("状态", "Status");
pub const STATUS_OPEN: Tr = ("未结案（全部进行中）", "Open (everything in progress)");
pub const STATUS_ALL: Tr = ("全部", "All");
pub const FILTER_ASSIGNEE: Tr = ("承办人", "Assigned to");
pub const ASSIGNEE_ANY: Tr = ("不限", "Anyone");
pub const ASSIGNEE_ME: Tr = ("我", "Me");
pub const ASSIGNEE_NONE: Tr = ("尚未分配", "Nobody yet");
pub const FILTER_OVERDUE: Tr = ("只看已超期", "Overdue only");
pub const APPLY_FILTERS: Tr = ("应用筛选", "Apply filters");
pub const CLEAR_FILTERS: Tr = ("清除筛选", "Clear filters");
pub const QUEUE_EMPTY: Tr = ("没有符合条件的案件。", "No cases match these filters.");
pub const COL_REFERENCE: Tr = ("编号", "Reference");
pub const COL_RIGHT: Tr = ("权利类型", "Right");
pub const COL_STATUS: Tr = ("状态", "Status");
pub const COL_ASSIGNEE: Tr = ("承办人", "Assigned to");
pub const COL_SUBMITTED: Tr = ("提交日期", "Submitted");
pub const COL_DEADLINE: Tr = ("下一期限", "Next deadline");
pub const NOBODY: Tr = ("未分配", "Nobody");
pub const OVERDUE: Tr = ("已超期", "Overdue");
pub const DUE_TODAY: Tr = ("今天到期", "Due today");
pub const NO_DEADLINE: Tr = ("无", "None");
pub const PREVIOUS: Tr = ("上一页", "Previous page");
pub const NEXT: Tr = ("下一页", "Next page");
pub const TABLE_SCROLL_HINT: Tr = (
    "表格可左右滑动。",
    "Scroll the table sideways to see every column.",
);

pub fn cases_total(lang: Lang, total: u32) -> String {
    match lang {
        Lang::Zh => format!("共 {total} 件"),
        Lang::En if total == 1 => "1 case".to_owned(),
        Lang::En => format!("{total} cases"),
    }
}

pub fn page_of(lang: Lang, page: u32, pages: u32) -> String {
    match lang {
        Lang::Zh => format!("第 {page} 页，共 {pages} 页"),
        Lang::En => format!("Page {page} of {pages}"),
    }
}

/// The working-day countdown to a deadline, in words (never colour alone).
pub fn countdown(lang: Lang, left: i32) -> String {
    match (lang, left) {
        (_, 0) => pick(lang, DUE_TODAY).to_owned(),
        (Lang::Zh, n) if n > 0 => format!("还剩 {n} 个工作日"),
        (Lang::Zh, n) => format!("已超期 {} 个工作日", -n),
        (Lang::En, 1) => "1 working day left".to_owned(),
        (Lang::En, n) if n > 0 => format!("{n} working days left"),
        (Lang::En, -1) => "Overdue by 1 working day".to_owned(),
        (Lang::En, n) => format!("Overdue by {} working days", -n),
    }
}

pub fn due_on(lang: Lang, step: &str, date: Date) -> String {
    match lang {
        Lang::Zh => format!("{step}：{} 前", short_date(date, lang)),
        Lang::En => format!("{step}: by {}", short_date(date, lang)),
    }
}

pub fn short_date(date: Date, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        Lang::En => format!(
            "{} {} {}",
            date.day(),
            &MONTHS_EN[usize::from(date.month() - 1)][..3],
            date.year()
        ),
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2026-11-20T10:05:00+08:00" → "2026-11-20 10:05" (the portal's times are all Shanghai time).
pub fn short_time(rfc3339: &str) -> String {
    let date = rfc3339.get(..10).unwrap_or(rfc3339);
    let time = rfc3339.get(11..16).unwrap_or("");
    format!("{date} {time}").trim().to_owned()
}

// Case detail
pub const BACK_TO_QUEUE: Tr = ("返回案件队列", "Back to the case queue");
pub const CASE_HEADING: Tr = ("维权援助申请", "Rights-assistance request");
pub const CASE_NOT_FOUND: Tr = ("没有这个案件", "There is no such case");
pub const CASE_NOT_FOUND_BODY: Tr = (
    "链接可能有误。请从案件队列中打开案件。",
    "The link may be wrong. Open the case from the case queue.",
);
pub const SUBMITTED_AT: Tr = ("提交时间", "Submitted");
pub const ASSIGNMENT: Tr = ("分配", "Assignment");
pub const ASSIGNED_TO: Tr = ("承办人", "Assigned to");
pub const ASSIGN_TO_ME: Tr = ("分配给我", "Assign to me");
pub const ASSIGN_TO_SOMEONE: Tr = ("分配给其他承办人", "Assign to another case handler");
pub const ASSIGNEE_USERNAME: Tr = ("承办人用户名", "The case handler's username");
pub const ASSIGN: Tr = ("分配", "Assign");
pub const UNASSIGN: Tr = ("取消分配", "Take off the assignee");
pub const ASSIGNED_NOTICE: Tr = ("分配已更新。", "The assignment has changed.");
pub const STATUS_HEADING: Tr = ("变更状态", "Change the status");
pub const NEW_STATUS: Tr = ("新的状态", "New status");
pub const NO_TRANSITIONS: Tr = (
    "此案件已结束，不能再变更状态。",
    "This case has ended: its status cannot change any more.",
);
pub const REASON: Tr = ("不予受理的理由", "Why it is not accepted");
pub const REASON_HINT: Tr = (
    "申请人会在进度页看到这一理由。",
    "The applicant sees this reason on the tracking page.",
);
pub const OUTCOME: Tr = ("办理结果", "The outcome");
pub const OUTCOME_HINT: Tr = (
    "申请人会在进度页看到这一结果。",
    "The applicant sees the outcome on the tracking page.",
);
pub const CHANGE_STATUS: Tr = ("变更状态", "Change the status");
pub const STATUS_CHANGED: Tr = ("状态已变更。", "The status has changed.");
pub const MESSAGE_HEADING: Tr = ("给申请人发消息", "Message the applicant");
pub const MESSAGE_KIND: Tr = ("消息类型", "Kind of message");
pub const MESSAGE_TEXT: Tr = ("消息内容", "Message");
pub const MESSAGE_HINT: Tr = (
    "申请人会在进度页看到这条消息；“请补充材料”可由申请人回复并上传文件。",
    "The applicant sees it on the tracking page; they can answer “more material needed” with a reply and files.",
);
pub const SEND_MESSAGE: Tr = ("发送消息", "Send the message");
pub const MESSAGE_SENT: Tr = ("消息已发送。", "The message has been sent.");
pub const NOTE_HEADING: Tr = ("内部备注", "Internal notes");
pub const NOTE_TEXT: Tr = ("新备注", "New note");
pub const NOTE_FORM_HEADING: Tr = ("添加内部备注", "Add an internal note");
pub const NOTE_HINT: Tr = (
    "仅工作人员可见，申请人看不到。",
    "Staff only: the applicant never sees notes.",
);
pub const ADD_NOTE: Tr = ("添加备注", "Add the note");
pub const NOTE_ADDED: Tr = ("备注已添加。", "The note has been added.");
pub const NO_NOTES: Tr = ("还没有备注。", "No notes yet.");
pub const ANSWERS_HEADING: Tr = ("申请内容", "The application");
pub const APPLICANT: Tr = ("申请人", "Applicant");
pub const APPLICANT_KIND: Tr = ("申请人类型", "Kind of applicant");
pub const NAME: Tr = ("名称", "Name");
pub const RESIDENT_ID: Tr = ("身份证号", "Resident ID");
pub const USCC: Tr = ("统一社会信用代码", "Unified social credit code");
pub const CONTACT_NAME: Tr = ("联系人", "Contact");
pub const MOBILE: Tr = ("手机号码", "Mobile");
pub const REPRESENTATIVE: Tr = ("代理人", "Acting for the applicant");
pub const RIGHT: Tr = ("被侵犯的权利", "The right");
pub const RIGHT_TYPE: Tr = ("权利类型", "Kind of right");
pub const RIGHT_NUMBER: Tr = ("号码", "Number");
pub const RIGHT_TITLE: Tr = ("名称", "Title");
pub const RIGHT_HOLDER: Tr = ("权利人", "Holder");
pub const LEGAL_STATUS: Tr = ("法律状态", "Legal status");
pub const OTHER_PARTY: Tr = ("涉嫌侵权方", "The other party");
pub const ADDRESS: Tr = ("地址", "Address");
pub const ONLINE_LINK: Tr = ("网址", "Web address");
pub const PLACE: Tr = ("发现侵权的场所或平台", "Where");
pub const FACTS: Tr = ("侵权情况", "What happened");
pub const DESCRIPTION: Tr = ("情况描述", "Description");
pub const DISCOVERED_ON: Tr = ("发现日期", "Found on");
pub const ESTIMATED_LOSS: Tr = ("估计损失", "Estimated loss");
pub const OTHER_ACTIONS: Tr = ("已采取的其他措施", "Other steps taken");
pub const HELP: Tr = ("需要的帮助", "Help asked for");
pub const HELP_NOTES: Tr = ("补充说明", "Notes");
pub const NOT_GIVEN: Tr = ("未填写", "Not given");
pub const EVIDENCE_HEADING: Tr = ("证据材料", "Evidence");
pub const NO_FILES: Tr = ("没有文件。", "No files.");
pub const TIMELINE_HEADING: Tr = ("办理进程", "Timeline");
pub const MESSAGES_HEADING: Tr = ("与申请人的消息", "Messages with the applicant");
pub const NO_MESSAGES: Tr = ("还没有消息。", "No messages yet.");
pub const REPLY: Tr = ("申请人回复", "The applicant's reply");
pub const AWAITING_REPLY: Tr = ("等待申请人回复", "Waiting for the applicant's reply");
pub const SENT_AT: Tr = ("发送时间", "Sent");
/// A character count's "N left" in `lang`.
pub fn chars_left(lang: Lang) -> fn(usize) -> String {
    match lang {
        Lang::Zh => |n| format!("还可以输入 {n} 个字"),
        Lang::En => |n| format!("You have {n} characters remaining"),
    }
}

/// A character count's "N too many" in `lang`.
pub fn chars_over(lang: Lang) -> fn(usize) -> String {
    match lang {
        Lang::Zh => |n| format!("超出 {n} 个字"),
        Lang::En => |n| format!("You have {n} characters too many"),
    }
}

// Booking desk
pub const DESK_HEADING: Tr = ("预约前台", "Booking desk");
pub const DESK_LEAD: Tr = (
    "当天的预约，含完整联系方式。签到自开始前 2 小时起至当天结束；预约时段结束后可标记为未到。",
    "The day's bookings with contact details in full. Check-in opens 2 hours before the start and closes at the end of the day; a booking can be marked as not attended once its slot has ended.",
);
pub const VENUE: Tr = ("服务场所", "Venue");
pub const ALL_VENUES: Tr = ("全部场所", "All venues");
pub const DATE: Tr = ("日期", "Date");
pub const SHOW: Tr = ("显示", "Show");
pub const TODAY: Tr = ("今天", "Today");
pub const DESK_EMPTY: Tr = ("这一天没有预约。", "There are no bookings on this day.");
pub const CHECK_IN: Tr = ("签到", "Check in");
pub const MARK_NO_SHOW: Tr = ("标记为未到", "Mark as not attended");
pub const CHECKED_IN: Tr = ("已签到", "Checked in");
pub const NO_SHOW: Tr = ("未到", "Did not attend");
pub const CANCELLED: Tr = ("已取消", "Cancelled");
pub const AWAITING: Tr = ("待签到", "Not checked in yet");
pub const TOPIC: Tr = ("咨询事项", "Topic");
pub const ORGANISATION: Tr = ("单位", "Organisation");
pub const NEEDS: Tr = ("需要的协助", "Access needs");
pub const WHEELCHAIR: Tr = ("无障碍通道", "Step-free access");
pub const SIGN_LANGUAGE: Tr = ("手语翻译", "Sign language interpreter");
pub const FOR_SOMEONE_ELSE: Tr = ("代他人预约", "Booked for someone else");
pub const ATTENDANCE: Tr = ("到场情况：", "Attendance: ");

pub fn check_in_opens(lang: Lang, time: &str) -> String {
    match lang {
        Lang::Zh => format!("{time} 起可签到"),
        Lang::En => format!("Check-in opens at {time}"),
    }
}

pub fn recorded_at(lang: Lang, what: &str, at: &str) -> String {
    match lang {
        Lang::Zh => format!("{what}（{at}）"),
        Lang::En => format!("{what} ({at})"),
    }
}

pub fn checked_in_notice(lang: Lang, name: &str, reference: &str) -> String {
    match lang {
        Lang::Zh => format!("{name}（{reference}）已签到。"),
        Lang::En => format!("{name} ({reference}) is checked in."),
    }
}

pub fn no_show_notice(lang: Lang, name: &str, reference: &str) -> String {
    match lang {
        Lang::Zh => format!("{name}（{reference}）已标记为未到。"),
        Lang::En => format!("{name} ({reference}) is marked as not attended."),
    }
}

pub fn bookings_count(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("共 {n} 个预约"),
        Lang::En if n == 1 => "1 booking".to_owned(),
        Lang::En => format!("{n} bookings"),
    }
}

// Overview
pub const OVERVIEW_HEADING: Tr = ("概览", "Overview");
pub const BY_STATUS: Tr = ("各状态案件数", "Cases by status");
pub const COUNT: Tr = ("数量", "Number");
pub const AT_RISK: Tr = ("即将到期或已超期的案件", "Deadlines at risk");
pub const AT_RISK_LEAD: Tr = (
    "未结案件中，下一期限已过或不超过 2 个工作日的，最紧急的在前。",
    "Open cases whose next deadline has passed or is at most 2 working days away, most urgent first.",
);
pub const NONE_AT_RISK: Tr = ("没有即将到期的案件。", "No deadlines at risk.");
pub const BOOKINGS_PER_DAY: Tr = ("未来两周每天的预约数", "Bookings per day, next two weeks");
pub const BOOKINGS_CAPTION: Tr = (
    "今天起 14 天每天已确认的预约数（所有场所）",
    "Confirmed bookings each day for 14 days from today (all venues)",
);
pub const DAY: Tr = ("日期", "Day");
pub const BOOKINGS: Tr = ("预约数", "Bookings");

// Ratings (好差评): the follow-up list and the overview's chart
pub const NAV_RATINGS: Tr = ("评价跟进", "Rating follow-up");
pub const RATINGS_LEAD: Tr = (
    "“不满意”和“非常不满意”的评价每一条都要跟进并答复，评价人会在其预约或申请页面上看到答复。待回复的排在前面。",
    "Every “dissatisfied” and “very dissatisfied” rating is followed up and answered; the person sees the reply on their booking or request page. Those awaiting a reply come first.",
);
pub const FOLLOW_UP_FILTER: Tr = ("显示", "Show");
pub const RATINGS_EMPTY: Tr = ("没有符合条件的评价。", "No ratings match.");
pub const RATED_ON: Tr = ("评价时间", "Rated");
pub const RATING_COMMENT: Tr = ("评价意见", "Comment");
pub const NO_COMMENT: Tr = ("评价人未填写意见。", "No comment was given.");
pub const CENTER_REPLY: Tr = ("中心的回复", "The center's reply");
pub const RATING_REPLY_LABEL: Tr = ("回复评价人", "Reply to the person");
pub const RATING_REPLY_HINT: Tr = (
    "评价人会在其页面上看到回复；回复发送后不能修改。",
    "The person sees the reply on their page; it cannot be changed once sent.",
);
pub const SEND_REPLY: Tr = ("发送回复", "Send the reply");
pub const REPLY_SENT: Tr = ("回复已发送。", "The reply has been sent.");
pub const RATINGS_CHART: Tr = ("服务评价", "Service ratings");
pub const RATINGS_CAPTION: Tr = (
    "各评价等级的评价数（预约咨询和维权援助）",
    "Ratings per level (consultations and rights assistance)",
);
pub const RATING_LEVEL: Tr = ("评价等级", "Level");
pub const RATINGS: Tr = ("评价数", "Ratings");

pub fn awaiting_reply(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Zh => format!("待回复的差评：{n} 条"),
        Lang::En if n == 1 => "1 bad rating awaiting a reply".to_owned(),
        Lang::En => format!("{n} bad ratings awaiting a reply"),
    }
}

pub fn replied_by(lang: Lang, at: &str, by: &str) -> String {
    match lang {
        Lang::Zh => format!("{at}，{by} 回复"),
        Lang::En => format!("Replied {at} by {by}"),
    }
}

// Audit
pub const AUDIT_HEADING: Tr = ("操作日志", "Audit log");
pub const AUDIT_LEAD: Tr = (
    "工作人员的每一项变更，最新的在前。日志不含个人信息。",
    "Every change made by staff, newest first. The log holds no personal data.",
);
pub const COL_TIME: Tr = ("时间", "Time");
pub const COL_ACTOR: Tr = ("操作人", "By");
pub const COL_ACTION: Tr = ("操作", "Action");
pub const COL_TARGET: Tr = ("对象", "Target");
pub const COL_SUMMARY: Tr = ("摘要", "Summary");
pub const SYSTEM: Tr = ("系统", "The system");
pub const AUDIT_EMPTY: Tr = ("日志为空。", "The log is empty.");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_says_overdue_in_words() {
        assert_eq!(countdown(Lang::Zh, 3), "还剩 3 个工作日");
        assert_eq!(countdown(Lang::Zh, 0), "今天到期");
        assert_eq!(countdown(Lang::Zh, -2), "已超期 2 个工作日");
        assert_eq!(countdown(Lang::En, 1), "1 working day left");
        assert_eq!(countdown(Lang::En, -1), "Overdue by 1 working day");
        assert_eq!(countdown(Lang::En, -4), "Overdue by 4 working days");
    }

    #[test]
    fn times_are_shown_to_the_minute() {
        assert_eq!(short_time("2026-11-20T10:05:33+08:00"), "2026-11-20 10:05");
        assert_eq!(
            short_date(Date::new(2026, 12, 2).unwrap(), Lang::En),
            "2 Dec 2026"
        );
    }
}
