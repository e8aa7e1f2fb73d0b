//! The workbench's texts, each a (Chinese, English) pair side by side so a missing translation
//! shows at a glance. Status, role and right-type names come from `portal_domain` in both
//! languages.

use leptos::prelude::*;
use portal_domain::calendar::Date;
use portal_domain::Lang;

use crate::dates::short_date;
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

// Booking desk
pub const DESK_HEADING: Tr = ("预约前台", "Booking desk");
pub const CLUSTERS_LINK: Tr = ("核查批量预约", "Check bookings made in bulk");
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

// Booking desk: slots, closures, seats
pub const SLOTS_HEADING: Tr = ("时段与座位", "Slots and seats");
pub const SLOTS_LEAD: Tr = (
    "关闭一个时段或整天后，其中的预约会被取消，预约人会在自己的预约页面看到关闭原因，并可重新选择时间。重新开放后，已取消的预约仍保持取消。",
    "Closing a slot or the whole day cancels the bookings in it; the people who made them see the reason on their booking page and can choose a new time. Reopening does not bring cancelled bookings back.",
);
pub const SLOTS_PICK_VENUE: Tr = (
    "选择一个服务场所并点击“显示”，即可管理这一天的时段和座位。",
    "Choose a venue and select “Show” to manage the day's slots and seats.",
);
pub const SLOTS_NONE: Tr = (
    "这一天不是工作日，没有预约时段。",
    "This day is not a working day: there are no slots.",
);
pub const SLOT_OPEN: Tr = ("开放预约", "Open");
pub const SLOT_STARTED: Tr = ("已开始", "Started");
pub const CLOSE_SLOT: Tr = ("关闭此时段", "Close this slot");
pub const ADD_SEAT: Tr = ("加一个座位", "Add a seat");
pub const REOPEN: Tr = ("重新开放", "Reopen");
pub const CLOSE_DAY: Tr = ("关闭全天", "Close the whole day");
pub const REOPEN_DAY: Tr = ("重新开放全天", "Reopen the whole day");
pub const CLOSE_REASON: Tr = ("关闭原因", "Reason for closing");
pub const CLOSE_REASON_HINT: Tr = (
    "预约人会在预约页面看到这一原因。最多 200 字。",
    "The people booked see this reason on their booking page. At most 200 characters.",
);
pub const CONFIRM_CLOSE: Tr = ("确认关闭", "Close and cancel the bookings");
pub const GO_BACK: Tr = ("返回，不关闭", "Go back without closing");
pub const SLOT_STATE: Tr = ("状态：", "State: ");

/// "2 of 5 seats booked".
pub fn seats_booked(lang: Lang, booked: u16, capacity: u16) -> String {
    match lang {
        Lang::Zh => format!("已约 {booked} 人，共 {capacity} 个座位"),
        Lang::En if capacity == 1 => format!("{booked} of 1 seat booked"),
        Lang::En => format!("{booked} of {capacity} seats booked"),
    }
}

/// A closed slot or day: the reason and who closed it.
pub fn closed_because(lang: Lang, reason: &str, by: &str) -> String {
    match lang {
        Lang::Zh => format!("已关闭：{reason}（{by}）"),
        Lang::En => format!("Closed: {reason} ({by})"),
    }
}

pub fn whole_day_closed(lang: Lang, reason: &str, by: &str) -> String {
    match lang {
        Lang::Zh => format!("全天已关闭：{reason}（{by}）"),
        Lang::En => format!("The whole day is closed: {reason} ({by})"),
    }
}

pub fn close_heading(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Zh => format!("确定关闭{what}吗？"),
        Lang::En => format!("Close {what}?"),
    }
}

/// "the whole day of 23 Nov 2026" / "2026年11月23日全天".
pub fn whole_day(lang: Lang, date: Date) -> String {
    match lang {
        Lang::Zh => format!("{}全天", short_date(date, lang)),
        Lang::En => format!("the whole day of {}", short_date(date, lang)),
    }
}

/// "2026年11月23日 09:00–09:30 这个时段" / "the 09:00–09:30 slot on 23 Nov 2026".
pub fn slot_on(lang: Lang, date: Date, start: &str, end: &str) -> String {
    match lang {
        Lang::Zh => format!("{} {start}–{end} 这个时段", short_date(date, lang)),
        Lang::En => format!("the {start}–{end} slot on {}", short_date(date, lang)),
    }
}

/// What closing will do: how many bookings are cancelled, and that their people are told.
pub fn close_consequence(lang: Lang, bookings: u32) -> String {
    match (lang, bookings) {
        (Lang::Zh, 0) => "目前没有需要取消的预约。关闭后，这段时间不再接受预约。".to_owned(),
        (Lang::Zh, n) => format!(
            "将取消 {n} 个预约。预约人会在自己的预约页面看到关闭原因，并可以重新选择时间。"
        ),
        (Lang::En, 0) => {
            "No bookings will be cancelled. Once closed, nobody can book this time.".to_owned()
        }
        (Lang::En, 1) => "1 booking will be cancelled. The person who made it will see the reason on their booking page and can choose a new time.".to_owned(),
        (Lang::En, n) => format!(
            "{n} bookings will be cancelled. The people who made them will see the reason on their booking page and can choose a new time."
        ),
    }
}

pub fn closed_notice(lang: Lang, what: &str, cancelled: u32) -> String {
    match lang {
        Lang::Zh => format!("已关闭{what}，取消了 {cancelled} 个预约。"),
        Lang::En if cancelled == 1 => format!("Closed {what}: 1 booking was cancelled."),
        Lang::En => format!("Closed {what}: {cancelled} bookings were cancelled."),
    }
}

pub fn reopened_notice(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Zh => format!("已重新开放{what}。已取消的预约仍保持取消。"),
        Lang::En => format!("Reopened {what}. Cancelled bookings stay cancelled."),
    }
}

pub fn seat_added_notice(lang: Lang, what: &str, capacity: u16) -> String {
    match lang {
        Lang::Zh => format!("{what}现有 {capacity} 个座位。"),
        Lang::En => format!("Now {capacity} seats in {what}."),
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
    "工作人员的每一项变更、每次查看完整个人信息和每次登录失败，最新的在前。日志只记录谁在何时对哪条记录做了什么，不含个人信息。",
    "Every change made by staff, every time someone was shown personal data in full, and every failed login, newest first. The log says who did what to which record and when; it holds no personal data.",
);
pub const COL_TIME: Tr = ("时间", "Time");
pub const COL_ACTOR: Tr = ("操作人", "By");
pub const COL_ACTION: Tr = ("操作", "Action");
pub const COL_TARGET: Tr = ("对象", "Target");
pub const COL_SUMMARY: Tr = ("摘要", "Summary");
pub const SYSTEM: Tr = ("系统", "The system");
pub const AUDIT_EMPTY: Tr = ("日志为空。", "The log is empty.");
pub const AUDIT_FILTER_ACTOR: Tr = ("操作人（用户名）", "Member of staff (username)");
pub const AUDIT_FILTER_TYPE: Tr = (
    "记录类型（如 case、account）",
    "Kind of record (e.g. case, account)",
);
pub const AUDIT_FILTER_ID: Tr = ("记录编号", "Record id");
pub const AUDIT_FILTER_NONE: Tr = ("没有符合条件的记录。", "No entries match.");

// Notices (通知公告)
pub const NAV_NOTICES: Tr = ("通知公告", "Notices");
pub const NOTICES_HEADING: Tr = ("通知公告", "Notices");
pub const NOTICES_LEAD: Tr = (
    "发布在门户首页的通知，中文和英文都要填写。从开始日期起展示，过了结束日期或撤下后不再展示。",
    "Notices on the portal's home page, in Chinese and in English. Shown from the first day until the last day, or until withdrawn.",
);
pub const NEW_NOTICE: Tr = ("发布新通知", "Publish a notice");
pub const EDIT_NOTICE: Tr = ("修改通知", "Change a notice");
pub const NOTICE_LEVEL: Tr = ("类别", "Kind");
pub const NOTICE_TITLE_ZH: Tr = ("标题（中文）", "Title in Chinese");
pub const NOTICE_TITLE_EN: Tr = ("标题（英文）", "Title in English");
pub const NOTICE_BODY_ZH: Tr = ("正文（中文）", "Text in Chinese");
pub const NOTICE_BODY_EN: Tr = ("正文（英文）", "Text in English");
pub const NOTICE_STARTS: Tr = ("开始展示日期", "First day shown");
pub const NOTICE_ENDS: Tr = ("结束日期（可不填）", "Last day (optional)");
pub const NOTICE_ENDS_HINT: Tr = (
    "不填则一直展示，直到撤下。",
    "Leave empty to show it until it is withdrawn.",
);
pub const PUBLISH: Tr = ("发布", "Publish");
pub const SAVE_CHANGES: Tr = ("保存修改", "Save changes");
pub const CANCEL_EDIT: Tr = ("不修改了", "Stop changing");
pub const WITHDRAW_NOTICE: Tr = ("撤下", "Withdraw");
pub const NOTICE_PUBLISHED: Tr = ("通知已发布。", "The notice is published.");
pub const NOTICE_SAVED: Tr = ("修改已保存。", "The changes are saved.");
pub const NOTICE_WITHDRAWN: Tr = (
    "通知已撤下，首页不再展示。",
    "The notice is withdrawn: the home page no longer shows it.",
);
pub const NOTICES_EMPTY: Tr = ("还没有发布过通知。", "No notice has been published yet.");
pub const NOTICE_DAYS: Tr = ("展示日期", "Shown");
pub const NOTICE_STATE: Tr = ("状态", "State");
pub const NOTICE_CHANGED_BY: Tr = ("最后修改", "Last changed");

/// "2026年12月20日 – 2027年1月3日" or "from 20 Dec 2026".
pub fn notice_days(lang: Lang, starts: Date, ends: Option<Date>) -> String {
    match (lang, ends) {
        (_, Some(end)) => format!("{} – {}", short_date(starts, lang), short_date(end, lang)),
        (Lang::Zh, None) => format!("{} 起，直到撤下", short_date(starts, lang)),
        (Lang::En, None) => format!("From {} until withdrawn", short_date(starts, lang)),
    }
}

// Administration: staff accounts, venue booking settings, the holiday calendar
pub const NAV_ACCOUNTS: Tr = ("员工账号", "Staff accounts");
pub const NAV_VENUES: Tr = ("预约设置", "Booking settings");
pub const NAV_HOLIDAYS: Tr = ("节假日安排", "Public holidays");
pub const ACCOUNTS_HEADING: Tr = ("员工账号", "Staff accounts");
pub const ACCOUNTS_LEAD: Tr = (
    "开设账号、调整角色、停用或启用账号、设置新密码。前台接待：预约前台；案件承办：维权援助案件；管理员：账号、预约设置、节假日安排和操作日志。",
    "Open accounts, change roles, disable or enable them, set a new password. Reception: the booking desk; case handler: rights-assistance cases; administrator: accounts, booking settings, public holidays and the audit log.",
);
pub const ACCOUNTS_CAPTION: Tr = ("全部账号（按用户名排列）", "Every account, by username");
pub const COL_USERNAME: Tr = ("用户名", "Username");
pub const COL_NAME: Tr = ("显示名称", "Name");
pub const COL_ROLES: Tr = ("角色", "Roles");
pub const COL_ACCOUNT_STATUS: Tr = ("状态", "Status");
pub const COL_CREATED: Tr = ("开设时间", "Opened");
pub const COL_LAST_LOGIN: Tr = ("最近登录", "Last sign-in");
pub const NEVER: Tr = ("从未登录", "Never");
pub const ACTIVE: Tr = ("启用", "Active");
pub const DISABLED: Tr = ("已停用", "Disabled");
pub const CHANGE: Tr = ("修改", "Change");
pub const NEW_ACCOUNT_HEADING: Tr = ("开设新账号", "Open a new account");
pub const DISPLAY_NAME: Tr = ("显示名称", "Name to show");
pub const DISPLAY_NAME_HINT: Tr = (
    "工作台和操作日志中显示的名称，最多 40 个字。",
    "Shown in the workbench and the audit log; at most 40 characters.",
);
pub const USERNAME_HINT: Tr = (
    "1 至 32 个小写英文字母、数字或 . _ -，登录时使用，开设后不能修改。",
    "1 to 32 lower-case letters, digits or . _ - used to sign in; it cannot change later.",
);
pub const ROLES: Tr = ("角色", "Roles");
pub const ROLES_HINT: Tr = ("至少选择一个。", "Choose at least one.");
pub const INITIAL_PASSWORD: Tr = ("初始密码", "First password");
pub const PASSWORD_HINT: Tr = (
    "12 至 200 个字符，可以是一句话（空格也算）。请通过安全的方式告诉本人。",
    "12 to 200 characters; a sentence is fine (spaces count). Give it to the person in a safe way.",
);
pub const OPEN_ACCOUNT: Tr = ("开设账号", "Open the account");
pub const BACK_TO_ACCOUNTS: Tr = ("返回员工账号", "Back to staff accounts");
pub const ACCOUNT_NOT_FOUND: Tr = ("没有这个账号", "There is no such account");
pub const EDIT_ROLES_HEADING: Tr = ("调整角色", "Change the roles");
pub const SAVE_ROLES: Tr = ("保存角色", "Save the roles");
pub const ROLES_SAVED: Tr = (
    "角色已保存，从该账号的下一次操作起生效。",
    "The roles are saved; they apply from the account's next request.",
);
pub const ACCESS_HEADING: Tr = ("停用或启用", "Disable or enable");
pub const DISABLE_HINT: Tr = (
    "停用后该账号不能登录，已登录的会话立即结束。账号和操作记录会保留，可以随时重新启用。",
    "A disabled account cannot sign in and its sessions end at once. The account and its records stay; it can be enabled again at any time.",
);
pub const DISABLE_ACCOUNT: Tr = ("停用账号", "Disable the account");
pub const ENABLE_ACCOUNT: Tr = ("启用账号", "Enable the account");
pub const DISABLED_NOTICE: Tr = ("账号已停用。", "The account is disabled.");
pub const ENABLED_NOTICE: Tr = ("账号已启用。", "The account is enabled.");
pub const PASSWORD_HEADING: Tr = ("设置新密码", "Set a new password");
pub const NEW_PASSWORD: Tr = ("新密码", "New password");
pub const SET_PASSWORD: Tr = ("设置新密码", "Set the new password");
pub const PASSWORD_SET: Tr = (
    "新密码已设置，该账号已登录的会话已结束。",
    "The new password is set; the account's sessions have ended.",
);

pub fn account_opened(lang: Lang, username: &str) -> String {
    match lang {
        Lang::Zh => format!("已开设账号 {username}。"),
        Lang::En => format!("The account {username} is open."),
    }
}

pub fn change_account(lang: Lang, username: &str) -> String {
    match lang {
        Lang::Zh => format!("修改账号 {username}"),
        Lang::En => format!("Change the account {username}"),
    }
}

pub const VENUES_HEADING: Tr = ("预约设置", "Booking settings");
pub const VENUES_LEAD: Tr = (
    "各服务场所的预约时段、每个时段可接待人数、开放时间和咨询事项。保存后公众预约页面立即使用新设置；已有的预约保持原来的时间和座位。",
    "Each venue's slots, people per slot, opening hours and topics. Citizens' booking pages use new settings at once; bookings already made keep their times and places.",
);
pub const DEFAULTS_TAG: Tr = ("默认值，尚未确认", "Defaults, not confirmed yet");
pub const CONFIRMED_TAG: Tr = ("已确认", "Confirmed");
pub const VENUE_STATUS: Tr = ("状态", "Status");
pub const OPERATING: Tr = ("正常开放，可预约", "Open: can be booked");
pub const BEING_SET_UP: Tr = ("筹建中，暂不可预约", "Being set up: cannot be booked yet");
pub const SLOT_MINUTES: Tr = ("每个时段的长度（分钟）", "Length of a slot (minutes)");
pub const SLOT_MINUTES_HINT: Tr = ("10 至 240 分钟。", "10 to 240 minutes.");
pub const SEATS: Tr = ("每个时段可接待人数", "People seen in one slot");
pub const SEATS_HINT: Tr = (
    "1 至 50 人，所有咨询事项共用。",
    "1 to 50, shared by every topic.",
);
pub const OPENING_HOURS: Tr = (
    "开放时间（每个工作日）",
    "Opening hours (every working day)",
);
pub const OPENING_HOURS_HINT: Tr = (
    "24 小时制“时:分”，例如 09:00 至 11:30。按时间先后填写，各段不能重叠，每段至少能放下一个时段。",
    "Hours:minutes on the 24-hour clock, for example 09:00 to 11:30. In time order, not overlapping, each long enough for one slot.",
);
pub const OPENS: Tr = ("开始", "Opens");
pub const CLOSES: Tr = ("结束", "Closes");
pub const ADD_PERIOD: Tr = ("添加一段开放时间", "Add another period");
pub const TOPICS_OFFERED: Tr = ("提供的咨询事项", "Topics offered");
pub const SAVE_SETTINGS: Tr = ("保存并确认设置", "Save and confirm the settings");
pub const SETTINGS_SAVED: Tr = (
    "设置已保存并确认。公众预约页面已使用新设置。",
    "The settings are saved and confirmed. Citizens' booking pages use them now.",
);
pub const SAVE_CONFIRMS: Tr = (
    "保存后，这些设置即视为已确认，公众页面不再标注“默认值”。",
    "Saving confirms the settings: citizens' pages stop calling them defaults.",
);
pub const BACK_TO_VENUES: Tr = ("返回预约设置", "Back to booking settings");
pub const VENUE_NOT_FOUND: Tr = ("没有这个场所", "There is no such venue");
pub const MINUTES_UNIT: Tr = (" 分钟", " minutes");

pub fn period_label(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("第 {n} 段"),
        Lang::En => format!("Period {n}"),
    }
}

pub fn remove_period(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("删除第 {n} 段"),
        Lang::En => format!("Remove period {n}"),
    }
}

pub fn change_venue(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Zh => format!("修改“{name}”的预约设置"),
        Lang::En => format!("Change the booking settings of {name}"),
    }
}

pub fn people(lang: Lang, n: u16) -> String {
    match lang {
        Lang::Zh => format!("{n} 人"),
        Lang::En if n == 1 => "1 person".to_owned(),
        Lang::En => format!("{n} people"),
    }
}

pub const HOLIDAYS_HEADING: Tr = ("节假日安排", "Public holidays");
pub const HOLIDAYS_LEAD: Tr = (
    "预约时间和工作日期限按国务院办公厅每年发布的《关于××××年部分节假日安排的通知》计算。通知发布后（通常在 11 月前后），请照通知原文填写下一年的放假和调休上班日期。不要预估或猜测：尚未发布的年份不开放预约。",
    "Booking windows and working-day deadlines follow the State Council General Office's yearly notice on public holidays. Once it is published (usually around November), type the next year's days off and adjusted working days from the notice itself. Never estimate: a year that is not published cannot be booked.",
);
pub const PUBLISHED_YEARS: Tr = ("已发布的年份", "Published years");
pub const FROM_SEED: Tr = ("随系统提供", "Shipped with the portal");
pub const SOURCE: Tr = ("依据", "Source");
pub const HOLIDAY_NAME: Tr = ("节日名称", "Holiday");
pub const HOLIDAY_FROM: Tr = ("放假开始", "First day off");
pub const HOLIDAY_TO: Tr = ("放假结束", "Last day off");
pub const DAYS: Tr = ("天数", "Days");
pub const WORKING_DAYS: Tr = (
    "调休上班日（周六或周日）",
    "Adjusted working days (Saturday or Sunday)",
);
pub const NO_WORKING_DAYS: Tr = ("无", "None");
pub const PUBLISH_HEADING: Tr = ("发布或更正一个年份", "Publish or correct a year");
pub const PUBLISH_LEAD: Tr = (
    "只能发布今年及以后的年份。更正已发布的年份时，填写的内容会整体替换该年份原有的安排。",
    "Only this year and later years. Correcting a published year replaces all of its days with what you enter.",
);
pub const YEAR: Tr = ("年份", "Year");
pub const SOURCE_TITLE: Tr = (
    "通知标题（含文号）",
    "Title of the notice (with its number)",
);
pub const SOURCE_TITLE_HINT: Tr = (
    "例如：国务院办公厅关于××××年部分节假日安排的通知（国办发明电〔××××〕××号）",
    "For example: 国务院办公厅关于××××年部分节假日安排的通知（国办发明电〔××××〕××号）",
);
pub const SOURCE_URL: Tr = ("通知网址", "Web address of the notice");
pub const SOURCE_URL_HINT: Tr = (
    "以 https:// 开头，例如中国政府网上的通知页面。",
    "Starting with https://, for example the notice's page on www.gov.cn.",
);
pub const HOLIDAYS_FIELDSET: Tr = ("放假安排", "Days off");
pub const HOLIDAYS_HINT: Tr = (
    "每个节日一行：名称和放假的第一天、最后一天（格式 2027-01-01，含周末）。",
    "One row per holiday: its name and the first and last day off (written 2027-01-01, weekends included).",
);
pub const ADD_HOLIDAY: Tr = ("添加一个节日", "Add another holiday");
pub const WORKING_DAYS_HINT: Tr = (
    "通知中“上班”的周六、周日，每行一天（格式 2027-01-01）。没有就不填。",
    "The Saturdays and Sundays the notice makes working days, one a row (written 2027-01-01). Leave empty if there are none.",
);
pub const ADD_WORKING_DAY: Tr = ("添加一个调休上班日", "Add another adjusted working day");
pub const CHECK_BUTTON: Tr = ("检查", "Check");
pub const CHECK_HEADING: Tr = ("发布前请核对", "Check before publishing");
pub const CHECK_LEAD: Tr = (
    "请与通知原文逐项核对。发布后，预约时间和工作日期限立即按此计算。",
    "Compare each line with the notice. Once published, booking windows and working-day deadlines use it at once.",
);
pub const ADDED_HOLIDAYS: Tr = ("新增的放假安排", "Days off added");
pub const REMOVED_HOLIDAYS: Tr = ("删除的放假安排", "Days off removed");
pub const ADDED_WORKING_DAYS: Tr = ("新增的调休上班日", "Adjusted working days added");
pub const REMOVED_WORKING_DAYS: Tr = ("删除的调休上班日", "Adjusted working days removed");
pub const SOURCE_CHANGED: Tr = ("依据改为", "The source becomes");
pub const NOTHING_CHANGES: Tr = (
    "与已发布的内容相同，发布不会改变任何安排。",
    "This is the same as what is published: publishing changes nothing.",
);
pub const PUBLISH_BUTTON: Tr = ("确认发布", "Publish");
pub const BACK_TO_FORM: Tr = ("返回修改", "Go back and change");
pub const YEAR_INVALID: Tr = (
    "请填写 4 位数的年份，例如 2027。",
    "Enter a 4-digit year, for example 2027.",
);

pub fn correct_year(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("更正 {year} 年"),
        Lang::En => format!("Correct {year}"),
    }
}

pub fn year_heading(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("{year} 年"),
        Lang::En => year.to_string(),
    }
}

pub fn year_too_early(lang: Lang, current: i32) -> String {
    match lang {
        Lang::Zh => format!("只能发布 {current} 年及以后的年份。"),
        Lang::En => format!("Only {current} and later years can be published."),
    }
}

pub fn published_by(lang: Lang, who: &str, at: &str) -> String {
    match lang {
        Lang::Zh => format!("由 {who} 于 {at} 发布"),
        Lang::En => format!("Published by {who} on {at}"),
    }
}

pub fn will_publish(lang: Lang, year: i32, replaces: bool) -> String {
    match (lang, replaces) {
        (Lang::Zh, false) => format!("将发布 {year} 年的节假日安排。"),
        (Lang::Zh, true) => format!("将替换已发布的 {year} 年节假日安排。"),
        (Lang::En, false) => format!("This publishes the public holidays of {year}."),
        (Lang::En, true) => format!("This replaces the published public holidays of {year}."),
    }
}

pub fn year_totals(lang: Lang, ranges: usize, days_off: u32, working: usize) -> String {
    match lang {
        Lang::Zh => format!("共 {ranges} 个节日、{days_off} 天假期，{working} 个调休上班日。"),
        Lang::En => format!(
            "{ranges} holidays, {days_off} days off, {working} adjusted working days in all."
        ),
    }
}

pub fn year_published(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("{year} 年节假日安排已发布，预约时间和工作日期限已按此计算。"),
        Lang::En => format!(
            "The public holidays of {year} are published; booking windows and working-day deadlines use them now."
        ),
    }
}

pub fn holiday_row(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("第 {n} 个节日"),
        Lang::En => format!("Holiday {n}"),
    }
}

pub fn remove_holiday(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("删除第 {n} 个节日"),
        Lang::En => format!("Remove holiday {n}"),
    }
}

pub fn working_day_label(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("第 {n} 个调休上班日"),
        Lang::En => format!("Adjusted working day {n}"),
    }
}

pub fn remove_working_day(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("删除第 {n} 个调休上班日"),
        Lang::En => format!("Remove adjusted working day {n}"),
    }
}

pub fn date_range(lang: Lang, from: Date, to: Date) -> String {
    if from == to {
        short_date(from, lang)
    } else {
        match lang {
            Lang::Zh => format!("{}至{}", short_date(from, lang), short_date(to, lang)),
            Lang::En => format!("{} to {}", short_date(from, lang), short_date(to, lang)),
        }
    }
}

// Bookings made in bulk (the desk's check against seat scalping)
pub const CLUSTERS_HEADING: Tr = ("核查批量预约", "Bookings made in bulk");
pub const CLUSTERS_LEAD: Tr = (
    "以下是尚未开始、看起来像同一人占用多个名额的预约：同一网络地址提交 3 个或以上，或手机号码连号。系统不会自动取消，请核查后决定。",
    "Upcoming bookings that look like one person holding many places: 3 or more made from one network address, or with mobile numbers in a row. Nothing is cancelled automatically: check them and decide.",
);
pub const BACK_TO_DESK: Tr = ("返回预约前台", "Back to the booking desk");
pub const CLUSTERS_EMPTY: Tr = (
    "目前没有看起来像批量占用的预约。",
    "There are no bookings that look like one person holding many places.",
);
pub const CLUSTER_SAME_ADDRESS: Tr = ("来自同一网络地址", "made from one network address");
pub const CLUSTER_SEQUENTIAL: Tr = ("手机号码连号", "with mobile numbers in a row");
pub const BULK_CANCEL_CONSEQUENCE: Tr = (
    "这些预约将被取消，名额会释放给其他人。预约人会在自己的预约页面看到取消原因，可以重新预约，但不能改约这些预约。",
    "These bookings will be cancelled and their places released. Their people see the reason on their booking page; they can make a new booking but cannot move these ones.",
);
pub const BULK_CANCEL_REASON: Tr = ("取消原因", "Reason for cancelling");
pub const BULK_CANCEL_REASON_HINT: Tr = (
    "预约人会看到这段文字，请写清楚原因，不要写其他人的个人信息。",
    "The people whose bookings are cancelled read this: say why plainly, and name nobody else.",
);
pub const CONFIRM_BULK_CANCEL: Tr = ("确认取消这些预约", "Cancel these bookings");

/// "3 bookings made from one network address" in `lang`.
pub fn cluster_title(lang: Lang, kind: Tr, count: usize) -> String {
    match lang {
        Lang::Zh => format!("{count} 个预约，{}", pick(lang, kind)),
        Lang::En => format!("{count} bookings {}", pick(lang, kind)),
    }
}

pub fn cancel_cluster_button(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Zh => format!("取消这 {count} 个预约"),
        Lang::En => format!("Cancel these {count} bookings"),
    }
}

pub fn bulk_cancelled_notice(lang: Lang, cancelled: u32, skipped: u32) -> String {
    match (lang, skipped) {
        (Lang::Zh, 0) => format!("已取消 {cancelled} 个预约，名额已释放。"),
        (Lang::Zh, s) => format!(
            "已取消 {cancelled} 个预约，名额已释放；另有 {s} 个已取消或已开始，未作改动。"
        ),
        (Lang::En, 0) => format!("{cancelled} bookings were cancelled and their places released."),
        (Lang::En, s) => format!(
            "{cancelled} bookings were cancelled and their places released; {s} had already been cancelled or had started and were left as they were."
        ),
    }
}

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
    fn closing_says_how_many_bookings_it_cancels() {
        assert_eq!(
            close_consequence(Lang::Zh, 2),
            "将取消 2 个预约。预约人会在自己的预约页面看到关闭原因，并可以重新选择时间。"
        );
        assert!(close_consequence(Lang::En, 1).starts_with("1 booking will be cancelled."));
        assert!(close_consequence(Lang::En, 0).starts_with("No bookings"));
        let monday = Date::new(2026, 11, 23).unwrap();
        assert_eq!(
            close_heading(Lang::Zh, &slot_on(Lang::Zh, monday, "09:00", "09:30")),
            "确定关闭2026年11月23日 09:00–09:30 这个时段吗？"
        );
        assert_eq!(
            close_heading(Lang::En, &whole_day(Lang::En, monday)),
            "Close the whole day of 23 Nov 2026?"
        );
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
