//! Every interface text in Simplified Chinese (the default) and English. One struct with a field
//! per text, so a text missing in one language is a compile error, not a blank on screen.
//! Service names and descriptions live with the services (`services.rs`).

use portal_domain::Lang;

pub struct Strings {
    pub portal_name: &'static str,
    pub portal_owner: &'static str,
    pub skip_to_content: &'static str,
    /// Label of the language switch; written in the *other* language.
    pub switch_language: &'static str,
    pub switch_language_lang: Lang,
    pub elder_mode: &'static str,
    pub menu: &'static str,
    pub main_nav: &'static str,
    pub home: &'static str,

    pub home_title: &'static str,
    pub home_intro: &'static str,
    pub services_heading: &'static str,
    pub notices_heading: &'static str,
    pub notice_important: &'static str,
    pub network_heading: &'static str,
    pub network_intro: &'static str,
    pub network_loading: &'static str,
    pub network_empty: &'static str,
    pub venue_kind_center: &'static str,
    pub venue_kind_fast_rights: &'static str,
    pub venue_kind_sub_center: &'static str,
    pub venue_kind_partner: &'static str,
    pub venue_being_set_up: &'static str,
    pub venue_address: &'static str,
    pub venue_phone: &'static str,
    pub venue_hours: &'static str,
    pub contact_heading: &'static str,
    pub contact_intro: &'static str,
    pub hotline_12345: &'static str,
    pub hotline_12315: &'static str,
    pub contact_counter: &'static str,

    pub placeholder_status: &'static str,
    pub placeholder_what: &'static str,
    pub placeholder_meanwhile: &'static str,
    pub back_home: &'static str,
    pub track_booking: &'static str,
    pub track_booking_hint: &'static str,
    pub track_assistance: &'static str,
    pub track_assistance_hint: &'static str,

    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub not_found_help: &'static str,

    pub error_offline_title: &'static str,
    pub error_offline_body: &'static str,
    pub error_server_title: &'static str,
    pub error_server_body: &'static str,
    pub error_not_found_title: &'static str,
    pub error_not_found_body: &'static str,
    pub retry: &'static str,

    pub kiosk_end: &'static str,
    pub kiosk_idle_title: &'static str,
    pub kiosk_idle_body: fn(u32) -> String,
    pub kiosk_continue: &'static str,

    pub error_summary_title: &'static str,
    pub active_filters: &'static str,
    pub remove_filter: fn(&str) -> String,
    pub clear_all: &'static str,
    /// Under a text box: how many characters are left, or how many too many.
    pub chars_left: fn(usize) -> String,
    pub chars_over: fn(usize) -> String,

    pub footer_about: &'static str,
    pub footer_sources: &'static str,
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

static ZH: Strings = Strings {
    portal_name: "知识产权公共服务门户",
    portal_owner: "南通市知识产权保护中心",
    skip_to_content: "跳到主要内容",
    switch_language: "English",
    switch_language_lang: Lang::En,
    elder_mode: "长辈版",
    menu: "菜单",
    main_nav: "主导航",
    home: "首页",

    home_title: "知识产权服务，一站办理",
    home_intro:
        "预约咨询、申请维权援助、查询地理标志产品、了解政策，都可以在这里办理。所有服务免费。",
    services_heading: "服务事项",
    notices_heading: "通知公告",
    notice_important: "重要",
    network_heading: "服务网点",
    network_intro:
        "南通构建了“1+3+N”知识产权快速维权体系：1个保护中心、3个快维中心和各县（市）区分中心。",
    network_loading: "正在加载服务网点……",
    network_empty: "暂时没有可显示的服务网点。",
    venue_kind_center: "保护中心",
    venue_kind_fast_rights: "快维中心",
    venue_kind_sub_center: "分中心",
    venue_kind_partner: "协作机构",
    venue_being_set_up: "筹建中",
    venue_address: "地址",
    venue_phone: "电话",
    venue_hours: "办公时间",
    contact_heading: "联系我们",
    contact_intro: "不方便在网上办理，或者遇到问题，可以：",
    hotline_12345: "拨打 12345 政务服务便民热线",
    hotline_12315: "拨打 12315 市场监管投诉举报热线（假冒、侵权商品）",
    contact_counter: "到南通市知识产权保护中心服务窗口当面咨询",

    placeholder_status: "这项服务正在建设中，暂时不能在网上办理。",
    placeholder_what: "上线后，您可以在这里：",
    placeholder_meanwhile:
        "现在需要帮助，可以拨打 12345 政务服务便民热线，或到南通市知识产权保护中心服务窗口办理。",
    back_home: "返回首页",
    track_booking: "查找我的预约",
    track_booking_hint: "用预约号和手机号码查看、改期或取消咨询预约。",
    track_assistance: "查询维权援助申请",
    track_assistance_hint: "用受理编号（WQ- 开头）和手机号码查看办理进度和中心的消息。",

    not_found_title: "找不到此页面",
    not_found_body:
        "如果您是输入的网址，请检查是否正确；如果是点击链接进来的，该页面可能已经移走。",
    not_found_help: "您可以返回首页查找服务，或拨打 12345 政务服务便民热线。",

    error_offline_title: "网络连接失败",
    error_offline_body: "无法连接到服务器。请检查网络连接，然后重试。",
    error_server_title: "系统暂时出了问题",
    error_server_body: "这不是您的操作问题。请稍后重试。",
    error_not_found_title: "没有找到相关内容",
    error_not_found_body: "您要的内容不存在或已被移除。",
    retry: "重试",

    kiosk_end: "结束使用，清除我的信息",
    kiosk_idle_title: "您还在使用吗？",
    kiosk_idle_body: |s| format!("{s} 秒后将结束使用，并清除您在本机填写的所有信息。"),
    kiosk_continue: "继续使用",

    error_summary_title: "请修改以下内容",
    active_filters: "已选条件",
    remove_filter: |v| format!("移除条件：{v}"),
    clear_all: "清除全部条件",
    chars_left: |n| format!("还可以输入 {n} 个字"),
    chars_over: |n| format!("超出 {n} 个字"),

    footer_about:
        "本门户是南通市知识产权保护中心的公共服务入口。服务网点和政策信息来自公开的政府文件。",
    footer_sources: "数据来源：公开政府文件；地理标志产品数据来自国家知识产权局公告。",
};

static EN: Strings = Strings {
    portal_name: "IP Public Service Portal",
    portal_owner: "Nantong Intellectual Property Protection Center",
    skip_to_content: "Skip to main content",
    switch_language: "中文",
    switch_language_lang: Lang::Zh,
    elder_mode: "Large text",
    menu: "Menu",
    main_nav: "Main",
    home: "Home",

    home_title: "Intellectual property services in one place",
    home_intro: "Book a consultation, ask for help against an infringement, look up geographical-indication products and read the policies, all in one place. Every service is free.",
    services_heading: "Services",
    notices_heading: "Notices",
    notice_important: "Important",
    network_heading: "Service network",
    network_intro: "Nantong runs a \"1+3+N\" fast rights-protection system: 1 protection center, 3 fast-rights centers and a sub-center in each county and district.",
    network_loading: "Loading the service network…",
    network_empty: "There are no service locations to show right now.",
    venue_kind_center: "Protection center",
    venue_kind_fast_rights: "Fast-rights center",
    venue_kind_sub_center: "Sub-centers",
    venue_kind_partner: "Partner body",
    venue_being_set_up: "Being set up",
    venue_address: "Address",
    venue_phone: "Phone",
    venue_hours: "Opening hours",
    contact_heading: "Contact us",
    contact_intro: "If you cannot use the service online, or need help:",
    hotline_12345: "call 12345, the government service hotline",
    hotline_12315: "call 12315, the market regulation hotline (counterfeit or infringing goods)",
    contact_counter: "visit the service counter of the Nantong IP Protection Center",

    placeholder_status: "This service is being built. You cannot use it online yet.",
    placeholder_what: "When it is ready, you will be able to:",
    placeholder_meanwhile: "If you need help now, call the 12345 government service hotline or visit the service counter of the Nantong IP Protection Center.",
    back_home: "Back to the home page",
    track_booking: "Find my booking",
    track_booking_hint: "View, change or cancel a consultation booking with its reference and your mobile number.",
    track_assistance: "Track a rights-assistance request",
    track_assistance_hint: "See the progress of your request and the center's messages with its reference (starting WQ-) and your mobile number.",

    not_found_title: "Page not found",
    not_found_body: "If you typed the web address, check it is correct. If you followed a link, the page may have moved.",
    not_found_help: "You can find every service from the home page, or call the 12345 government service hotline.",

    error_offline_title: "No connection",
    error_offline_body: "We could not reach the server. Check your internet connection and try again.",
    error_server_title: "Something went wrong on our side",
    error_server_body: "It was not something you did. Please try again in a moment.",
    error_not_found_title: "Nothing found",
    error_not_found_body: "What you asked for does not exist or has been removed.",
    retry: "Try again",

    kiosk_end: "Finish and clear my details",
    kiosk_idle_title: "Are you still there?",
    kiosk_idle_body: |s| format!("In {s} seconds this session ends and everything you entered on this machine is cleared."),
    kiosk_continue: "Keep going",

    error_summary_title: "There is a problem",
    active_filters: "Chosen filters",
    remove_filter: |v| format!("Remove filter: {v}"),
    clear_all: "Clear all filters",
    chars_left: |n| format!("You have {n} characters remaining"),
    chars_over: |n| format!("You have {n} characters too many"),

    footer_about: "This portal is the public service entrance of the Nantong Intellectual Property Protection Center. Service locations and policy information come from public government documents.",
    footer_sources: "Sources: public government documents; geographical-indication data from CNIPA announcements.",
};
