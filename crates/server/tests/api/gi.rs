use portal_domain::api::gi::{
    GiOfflineList, GiProduct, GiProductSummary, GiSearchResult, MatchKind,
};
use portal_domain::api::gi_terms::GiAuthority;
use portal_domain::api::percent_encode;
use portal_domain::api::ApiErrorBody;

use crate::citizen::assert_field_error;
use crate::helpers::{openapi, spawn_app, TestApp};

const PRODUCTS: u32 = 4453;

/// `GET /api/v1/gi/products` with the given parameters, which must succeed.
pub(crate) async fn search(app: &TestApp, params: &[(&str, &str)]) -> GiSearchResult {
    let response = app
        .get(&format!("/api/v1/gi/products?{}", query(params)))
        .await;
    assert_eq!(response.status(), 200, "{params:?}");
    response.json().await.expect("a search result")
}

fn query(params: &[(&str, &str)]) -> String {
    params
        .iter()
        .map(|(k, v)| format!("{k}={}", percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

pub(crate) fn names(result: &GiSearchResult) -> Vec<&str> {
    result.items.iter().map(|p| p.name_zh.as_str()).collect()
}

pub(crate) fn find<'a>(result: &'a GiSearchResult, name: &str) -> &'a GiProductSummary {
    result
        .items
        .iter()
        .find(|p| p.name_zh == name)
        .unwrap_or_else(|| panic!("{name} not in {:?}", names(result)))
}

pub(crate) fn kind(product: &GiProductSummary) -> MatchKind {
    product
        .matched
        .as_ref()
        .expect("a query gives a match")
        .kind
}

/// The characters of the match's text that the client highlights.
pub(crate) fn highlighted(product: &GiProductSummary) -> String {
    let m = product.matched.as_ref().unwrap();
    m.text
        .chars()
        .skip(m.start as usize)
        .take((m.end - m.start) as usize)
        .collect()
}

#[tokio::test]
async fn haian_rice_is_found_by_initials_pinyin_chinese_and_its_full_name() {
    let app = spawn_app().await;

    let hadm = search(&app, &[("q", "hadm")]).await;
    assert_eq!(hadm.items[0].name_zh, "海安大米", "initials put it first");
    assert_eq!(kind(&hadm.items[0]), MatchKind::Initials);
    assert_eq!(highlighted(&hadm.items[0]), "海安大米");

    // A kiosk visitor who cannot type Chinese.
    let haian = search(&app, &[("q", "haian")]).await;
    let rice = find(&haian, "海安大米");
    assert_eq!(kind(rice), MatchKind::Pinyin);
    assert_eq!(highlighted(rice), "海安");
    assert_eq!(rice.province.as_deref(), Some("江苏省"));
    assert_eq!(rice.city.as_deref(), Some("南通市"));

    let chinese = search(&app, &[("q", "海安")]).await;
    assert_eq!(kind(find(&chinese, "海安大米")), MatchKind::NamePrefix);

    let exact = search(&app, &[("q", "海安大米")]).await;
    assert_eq!(exact.items[0].name_zh, "海安大米");
    assert_eq!(kind(&exact.items[0]), MatchKind::NameExact);
    assert_eq!(highlighted(&exact.items[0]), "海安大米");
}

#[tokio::test]
async fn a_place_in_the_protection_scope_finds_the_product_with_an_excerpt() {
    let app = spawn_app().await;
    let result = search(&app, &[("q", "启东")]).await;
    let jellyfish = find(&result, "吕四海蜇");
    let matched = jellyfish.matched.as_ref().unwrap();
    assert_eq!(matched.kind, MatchKind::Scope);
    assert!(
        matched.text.contains("江苏省南通市启东市"),
        "{}",
        matched.text
    );
    assert!(
        matched.text.chars().count() <= 42,
        "an excerpt, not the whole text"
    );
    assert_eq!(highlighted(jellyfish), "启东");
    assert!(
        result
            .items
            .iter()
            .position(|p| p.name_zh == "吕四海蜇")
            .unwrap()
            > result
                .items
                .iter()
                .position(|p| p.name_zh.starts_with("启东"))
                .unwrap(),
        "products named after the place come before those only grown there"
    );
}

#[tokio::test]
async fn a_one_letter_typo_in_pinyin_still_finds_the_product() {
    let app = spawn_app().await;
    for typo in ["haiandani", "haiandmi", "haiadnami", "HAIANDAMII"] {
        let result = search(&app, &[("q", typo)]).await;
        let rice = find(&result, "海安大米");
        assert_eq!(kind(rice), MatchKind::PinyinTypo, "{typo}");
    }
}

#[tokio::test]
async fn full_pinyin_is_found_with_or_without_spaces_in_any_case() {
    let app = spawn_app().await;
    for q in ["ru dong", "rudongtiaobanzicai", "RuDong TiaoBan", "rudong"] {
        let result = search(&app, &[("q", q)]).await;
        let laver = find(&result, "如东条斑紫菜");
        assert_eq!(kind(laver), MatchKind::Pinyin, "{q}");
        assert!(highlighted(laver).starts_with("如东"), "{q}");
    }
}

#[tokio::test]
async fn u_umlaut_can_be_typed_as_v_or_u() {
    let app = spawn_app().await;
    for q in ["lvsi", "lusi", "lü si", "lvsihaizhe"] {
        let result = search(&app, &[("q", q)]).await;
        let jellyfish = find(&result, "吕四海蜇");
        assert_eq!(kind(jellyfish), MatchKind::Pinyin, "{q}");
        assert!(highlighted(jellyfish).starts_with("吕四"), "{q}");
    }
}

/// Kinds never get better further down, and within a kind names are in order.
fn assert_ranked(items: &[GiProductSummary]) {
    for pair in items.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            (kind(a), &a.name_zh, &a.id) <= (kind(b), &b.name_zh, &b.id),
            "{} ({:?}) before {} ({:?})",
            a.name_zh,
            kind(a),
            b.name_zh,
            kind(b)
        );
    }
}

#[tokio::test]
async fn results_rank_exact_names_before_prefixes_before_substrings_before_places() {
    let app = spawn_app().await;

    let goat = search(&app, &[("q", "海门山羊")]).await;
    assert_eq!(names(&goat)[..2], ["海门山羊", "海门山羊肉"]);
    assert_eq!(kind(&goat.items[0]), MatchKind::NameExact);
    assert_eq!(kind(&goat.items[1]), MatchKind::NamePrefix);
    assert_ranked(&goat.items);

    let rice = search(&app, &[("q", "大米"), ("page_size", "100")]).await;
    assert!(rice.total > 100, "many rices: {}", rice.total);
    assert_eq!(kind(&rice.items[0]), MatchKind::NameSubstring);
    assert!(rice.items[0].name_zh.contains("大米"));
    assert_ranked(&rice.items);
    let rest = search(&app, &[("q", "大米"), ("page_size", "100"), ("page", "2")]).await;
    assert_ranked(&[rice.items.clone(), rest.items].concat());

    for q in ["海安", "an", "南通", "sh"] {
        let result = search(&app, &[("q", q), ("page_size", "100")]).await;
        assert_ranked(&result.items);
    }
}

#[tokio::test]
async fn without_a_query_every_product_is_listed_by_name_without_a_match() {
    let app = spawn_app().await;
    let result = search(&app, &[]).await;
    assert_eq!(result.total, PRODUCTS);
    assert_eq!((result.page, result.page_size), (1, 20));
    assert_eq!(result.items.len(), 20);
    assert!(result.items.iter().all(|p| p.matched.is_none()));
    assert!(result
        .items
        .windows(2)
        .all(|w| w[0].name_zh <= w[1].name_zh));
}

/// Every page of a search.
async fn every_item(app: &TestApp, params: &[(&str, &str)]) -> Vec<GiProductSummary> {
    let mut items = Vec::new();
    for page in 1.. {
        let page = page.to_string();
        let more = [params, &[("page_size", "100"), ("page", &page)]].concat();
        let result = search(app, &more).await;
        if result.items.is_empty() {
            assert_eq!(items.len() as u32, result.total);
            return items;
        }
        items.extend(result.items);
    }
    unreachable!()
}

#[tokio::test]
async fn facet_counts_add_up_to_the_total_and_follow_the_query() {
    let app = spawn_app().await;

    for params in [
        &[][..],
        &[("q", "大米")],
        &[("q", "an"), ("category", "水果")],
    ] {
        let result = search(&app, params).await;
        let items = every_item(&app, params).await;
        let count = |facet: &[portal_domain::api::FacetCount]| -> u32 {
            facet.iter().map(|f| f.count).sum()
        };
        let without = |field: fn(&GiProductSummary) -> &Option<String>| {
            items.iter().filter(|p| field(p).is_none()).count() as u32
        };
        assert_eq!(
            count(&result.facets.province) + without(|p| &p.province),
            result.total,
            "{params:?}"
        );
        assert_eq!(
            count(&result.facets.gi_type) + without(|p| &p.gi_type),
            result.total,
            "{params:?}"
        );
        if params.iter().all(|(k, _)| *k != "category") {
            assert_eq!(
                count(&result.facets.category) + without(|p| &p.category),
                result.total,
                "{params:?}"
            );
        }
        assert!(
            result.facets.city.is_empty(),
            "no cities without a province"
        );
        for facet in [&result.facets.province, &result.facets.category] {
            assert!(
                facet
                    .windows(2)
                    .all(|w| (w[1].count, &w[0].value) <= (w[0].count, &w[1].value)),
                "by count, then value: {facet:?}"
            );
        }
    }

    let all = search(&app, &[]).await;
    let provinces: u32 = all.facets.province.iter().map(|f| f.count).sum();
    assert_eq!(provinces, PRODUCTS - 14, "14 rows have no province");
    let jiangsu = all
        .facets
        .province
        .iter()
        .find(|f| f.value == "江苏省")
        .unwrap();
    assert_eq!(jiangsu.count, 190);
    let decades: Vec<_> = all.facets.decade.iter().map(|f| f.value.as_str()).collect();
    assert_eq!(decades, ["2000", "2010", "2020"]);
    let dated: u32 = all.facets.decade.iter().map(|f| f.count).sum();
    assert_eq!(dated, PRODUCTS - 8, "8 rows have no year");

    // The counts follow the query.
    let rice = search(&app, &[("q", "大米")]).await;
    let rice_provinces: u32 = rice.facets.province.iter().map(|f| f.count).sum();
    assert!(rice_provinces < provinces);
    assert!(rice.facets.province.len() < all.facets.province.len());
    assert_eq!(
        rice.facets.category[0].value, "粮油",
        "rice is mostly grain"
    );
    assert_ne!(rice.facets.category, all.facets.category);
}

#[tokio::test]
async fn each_facet_counts_under_every_filter_but_its_own() {
    let app = spawn_app().await;
    let filtered = search(&app, &[("province", "江苏省"), ("category", "水产")]).await;
    assert!(filtered.total > 0);

    // Choosing another province would show this many aquatic products.
    let aquatic = search(&app, &[("category", "水产")]).await;
    assert_eq!(filtered.facets.province, aquatic.facets.province);
    // Choosing another category would show this many products of Jiangsu.
    let jiangsu = search(&app, &[("province", "江苏省")]).await;
    assert_eq!(filtered.facets.category, jiangsu.facets.category);
    // The cities of the chosen province, under the category.
    let cities: u32 = filtered.facets.city.iter().map(|f| f.count).sum();
    assert!(cities <= filtered.total);
    assert!(filtered.facets.city.iter().any(|f| f.value == "南通市"));

    let decade = search(&app, &[("year_from", "2010"), ("year_to", "2019")]).await;
    let all = search(&app, &[]).await;
    assert_eq!(
        decade.facets.decade, all.facets.decade,
        "the year range is the decade's own filter"
    );
    let twenty_tens = all
        .facets
        .decade
        .iter()
        .find(|f| f.value == "2010")
        .unwrap();
    assert_eq!(decade.total, twenty_tens.count);
}

#[tokio::test]
async fn province_and_city_filters_narrow_the_results() {
    let app = spawn_app().await;
    let jiangsu = search(&app, &[("province", "江苏省"), ("page_size", "100")]).await;
    assert_eq!(jiangsu.total, 190);
    assert!(jiangsu
        .items
        .iter()
        .all(|p| p.province.as_deref() == Some("江苏省")));
    let nantong_count = jiangsu
        .facets
        .city
        .iter()
        .find(|f| f.value == "南通市")
        .expect("Nantong among the cities of Jiangsu")
        .count;

    let nantong = search(
        &app,
        &[
            ("province", "江苏省"),
            ("city", "南通市"),
            ("page_size", "100"),
        ],
    )
    .await;
    assert_eq!(nantong.total, nantong_count);
    assert_eq!(nantong.items.len() as u32, nantong.total);
    assert!(nantong
        .items
        .iter()
        .all(|p| p.city.as_deref() == Some("南通市")));
    for name in ["海安大米", "吕四海蜇", "如东条斑紫菜"] {
        find(&nantong, name);
    }

    let with_query = search(&app, &[("province", "江苏省"), ("q", "紫菜")]).await;
    assert!(with_query.total >= 2);
    assert!(with_query
        .items
        .iter()
        .all(|p| p.province.as_deref() == Some("江苏省") && p.name_zh.contains("紫菜")));
}

#[tokio::test]
async fn the_year_range_is_inclusive_and_leaves_out_products_without_a_year() {
    let app = spawn_app().await;
    let one_year = search(
        &app,
        &[
            ("year_from", "2014"),
            ("year_to", "2014"),
            ("page_size", "100"),
        ],
    )
    .await;
    assert!(one_year.total > 100);
    assert!(one_year.items.iter().all(|p| p.approved_year == Some(2014)));

    let from = search(&app, &[("year_from", "2024")]).await;
    let to = search(&app, &[("year_to", "2023")]).await;
    assert_eq!(
        from.total + to.total,
        PRODUCTS - 8,
        "8 products have no year"
    );
    assert!(from.items.iter().all(|p| p.approved_year >= Some(2024)));
    assert!(to.items.iter().all(|p| p.approved_year.unwrap() <= 2023));
}

#[tokio::test]
async fn pages_follow_each_other_and_a_page_past_the_end_is_empty() {
    let app = spawn_app().await;
    let params = [("province", "江苏省"), ("page_size", "10")];
    let first = search(&app, &params).await;
    let second = search(&app, &[&params[..], &[("page", "2")]].concat()).await;
    assert_eq!(second.page, 2);
    assert_eq!(second.items.len(), 10);
    assert_eq!(first.total, second.total);
    let ten_times_two = search(&app, &[("province", "江苏省"), ("page_size", "20")]).await;
    assert_eq!(
        [first.items, second.items].concat(),
        ten_times_two.items,
        "page 2 continues page 1"
    );

    let last = search(
        &app,
        &[("province", "江苏省"), ("page_size", "100"), ("page", "2")],
    )
    .await;
    assert_eq!(last.items.len(), 90);
    let past = search(&app, &[("province", "江苏省"), ("page", "1000")]).await;
    assert!(past.items.is_empty());
    assert_eq!(past.total, 190);
    assert_eq!(past.page, 1000);
}

#[tokio::test]
async fn bad_search_parameters_are_a_400_with_a_message_for_the_field() {
    let app = spawn_app().await;
    let huge = "米".repeat(3_500); // about 10 KB
    let cases: Vec<(String, &str, &str)> = vec![
        (
            "page_size=10000".into(),
            "page_size",
            "gi_search.page_size_out_of_range",
        ),
        (
            "page_size=0".into(),
            "page_size",
            "gi_search.page_size_out_of_range",
        ),
        ("page=0".into(), "page", "gi_search.not_a_page_number"),
        ("page=abc".into(), "page", "gi_search.not_a_page_number"),
        (
            format!("q={}", percent_encode(&huge)),
            "q",
            "gi_search.query_too_long",
        ),
        (
            format!("q={}", "a".repeat(10_240)),
            "q",
            "gi_search.query_too_long",
        ),
        ("q=%E6%B5%B7%00".into(), "q", "gi_search.control_character"),
        ("q=hadm%0A".into(), "q", "gi_search.control_character"),
        (
            format!("province={}", percent_encode("火星省")),
            "province",
            "gi_search.unknown_value",
        ),
        (
            format!("city={}", percent_encode("南通市")),
            "city",
            "gi_search.city_without_province",
        ),
        (
            query(&[("province", "江苏省"), ("city", "杭州市")]),
            "city",
            "gi_search.unknown_value",
        ),
        (
            format!("category={}", percent_encode("火箭")),
            "category",
            "gi_search.unknown_value",
        ),
        (
            "gi_type=trademark".into(),
            "gi_type",
            "gi_search.unknown_value",
        ),
        (
            format!("province={}", "x".repeat(31)),
            "province",
            "gi_search.filter_too_long",
        ),
        ("year_from=20x5".into(), "year_from", "gi_search.not_a_year"),
        ("year_to=1800".into(), "year_to", "gi_search.not_a_year"),
        (
            "year_from=2020&year_to=2010".into(),
            "year_to",
            "gi_search.year_range_reversed",
        ),
    ];
    for (params, field, code) in &cases {
        assert_field_error(&app, &format!("/api/v1/gi/products?{params}"), field, code).await;
    }
    // The export checks the same way.
    for (params, field, code) in &cases[..9] {
        assert_field_error(
            &app,
            &format!("/api/v1/gi/products.csv?{params}"),
            field,
            code,
        )
        .await;
    }
}

#[tokio::test]
async fn every_bad_parameter_is_reported_at_once_in_the_requested_language() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("/api/v1/gi/products?page=0&page_size=500&q=%07"))
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body: ApiErrorBody = response.json().await.unwrap();
    let fields: Vec<_> = body.fields.keys().map(String::as_str).collect();
    assert_eq!(fields, ["page", "page_size", "q"]);
    assert!(body.fields.values().all(|f| f.message.is_ascii()));
}

#[tokio::test]
async fn a_product_page_shows_everything_and_other_products_of_its_city() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/gi/products/GI00829").await;
    assert_eq!(response.status(), 200);
    let product: GiProduct = response.json().await.unwrap();
    assert_eq!(product.name_zh, "吕四海蜇");
    assert_eq!(product.pinyin, "lü si hai zhe");
    assert_eq!(product.approved_year, Some(2010));
    assert_eq!(
        product.announcement.as_deref(),
        Some("国家质检总局公告2010年第166号")
    );
    assert!(product.description.unwrap().contains("启东市"));
    // What a citizen trusts: the announcement and who published it, not the data set's
    // provenance (kept in the database).
    assert_eq!(product.authority, Some(GiAuthority::Aqsiq));
    let body = app
        .get("/api/v1/gi/products/GI00829")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !body.contains("github") && !body.contains("source"),
        "{body}"
    );

    let same_city = &product.same_city;
    assert_eq!(
        same_city.len(),
        12,
        "Nantong has more: at most 12 are listed"
    );
    assert!(same_city.iter().all(|p| p.id != "GI00829"), "not itself");
    assert!(same_city
        .iter()
        .all(|p| p.province.as_deref() == Some("江苏省") && p.city.as_deref() == Some("南通市")));
    assert!(
        same_city.windows(2).all(|w| w[0].name_zh <= w[1].name_zh),
        "by name"
    );
    assert!(same_city.iter().all(|p| p.matched.is_none()));

    // 如东条斑紫菜 (trademark list) has no city: no neighbours to show.
    let no_city: GiProduct = app
        .get("/api/v1/gi/products/GI00795")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(no_city.city, None);
    assert!(no_city.same_city.is_empty());
}

#[tokio::test]
async fn an_unknown_product_is_a_json_404() {
    let app = spawn_app().await;
    // %FF is not UTF-8: an id that cannot be read names no product either.
    for id in ["GI99999", "gi00829", "%E6%B5%B7", "GI00829x", "%FF"] {
        let response = app.get(&format!("/api/v1/gi/products/{id}")).await;
        assert_eq!(response.status(), 404, "{id}");
        let body: ApiErrorBody = response.json().await.unwrap();
        assert_eq!(body.code, "not_found");
    }
}

#[tokio::test]
async fn the_csv_export_opens_in_excel_and_holds_every_matching_row_in_ranking_order() {
    let app = spawn_app().await;
    let params = query(&[
        ("province", "江苏省"),
        ("q", "南通"),
        ("page", "3"),
        ("page_size", "5"),
    ]);
    let response = app.get(&format!("/api/v1/gi/products.csv?{params}")).await;
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
    assert_eq!(
        headers["content-disposition"],
        "attachment; filename=\"gi-products.csv\""
    );
    let bytes = response.bytes().await.unwrap();
    assert_eq!(
        &bytes[..3],
        b"\xEF\xBB\xBF",
        "a UTF-8 byte-order mark for Excel"
    );

    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    // The header line as a spreadsheet shows it: in Chinese by default, no provenance column.
    let header =
        "编号,产品名称,英文名称,拼音,省份,城市,类别（根据名称推断）,地理标志类型,批准年份,\
                  批准公告,保护范围";
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        header.split(',').collect::<Vec<_>>()
    );
    assert!(!String::from_utf8_lossy(&bytes).contains("github"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();

    // Paging is ignored: every match, in the order of the search.
    let all = search(
        &app,
        &[("province", "江苏省"), ("q", "南通"), ("page_size", "100")],
    )
    .await;
    assert!(all.total > 5);
    assert_eq!(rows.len() as u32, all.total);
    let ids: Vec<_> = rows.iter().map(|r| &r[0]).collect();
    let expected: Vec<_> = all.items.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, expected);
    let jellyfish = rows.iter().find(|r| &r[1] == "吕四海蜇").unwrap();
    assert_eq!(&jellyfish[8], "2010");
    assert_eq!(&jellyfish[5], "南通市");

    let everything = app
        .get("/api/v1/gi/products.csv")
        .await
        .bytes()
        .await
        .unwrap();
    let count = csv::Reader::from_reader(&everything[3..]).records().count();
    assert_eq!(count as u32, PRODUCTS);
}

#[tokio::test]
async fn the_csv_headers_follow_the_page_language_then_accept_language() {
    let app = spawn_app().await;
    // The header line of the file at `path`, asked for with `Accept-Language: en`.
    let first_line = |path: &'static str| {
        let app = &app;
        async move {
            let bytes = app
                .client
                .get(app.url(path))
                .header("Accept-Language", "en")
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap();
            String::from_utf8(bytes[3..].to_vec())
                .unwrap()
                .lines()
                .next()
                .unwrap()
                .to_owned()
        }
    };
    assert_eq!(
        first_line("/api/v1/gi/products.csv?q=hadm&lang=en").await,
        "Number,Name (Chinese),Name (English),Pinyin,Province,City,\
         Category (guessed from the name),Type of GI,Year approved,Announcement,Protected area"
    );
    // The page's language wins over the browser's.
    let chinese = first_line("/api/v1/gi/products.csv?q=hadm&lang=zh-CN").await;
    assert!(chinese.starts_with("编号,产品名称,"));
    let by_header = first_line("/api/v1/gi/products.csv?q=hadm").await;
    assert!(by_header.starts_with("Number,"));
}

#[tokio::test]
async fn the_openapi_document_describes_the_gi_endpoints() {
    let app = spawn_app().await;
    let doc = openapi(&app).await;
    for path in [
        "/api/v1/gi/products",
        "/api/v1/gi/products/{id}",
        "/api/v1/gi/products.csv",
        "/api/v1/gi/offline",
    ] {
        assert!(doc["paths"][path]["get"].is_object(), "{path} missing");
    }
    let params = doc["paths"]["/api/v1/gi/products"]["get"]["parameters"]
        .as_array()
        .unwrap();
    assert!(params
        .iter()
        .any(|p| p["name"] == "q" && p["in"] == "query"));
    for schema in [
        "GiSearchResult",
        "GiFacets",
        "GiProduct",
        "GiProductSummary",
        "MatchKind",
        "GiOfflineList",
        "GiOfflineProduct",
    ] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
}

#[tokio::test]
async fn the_offline_list_holds_every_product_in_name_order_with_its_folded_pinyin() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/gi/offline").await;
    assert_eq!(response.status(), 200);
    let list: GiOfflineList = response.json().await.unwrap();
    assert_eq!(list.products.len(), PRODUCTS as usize);
    // The order of an empty search, which is by name.
    let all = search(&app, &[("page_size", "100")]).await;
    let first: Vec<&str> = list.products[..100].iter().map(|p| p.id.as_str()).collect();
    let listed: Vec<&str> = all.items.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(first, listed);
    // What the device matches: the letters without spaces, where each syllable starts (so
    // the initials), and the same facts as the search's summary.
    let rice = list
        .products
        .iter()
        .find(|p| p.name_zh == "海安大米")
        .unwrap();
    assert_eq!(rice.letters, "haiandami");
    assert_eq!(rice.syllables, [0, 3, 5, 7]);
    let found = find(&search(&app, &[("q", "海安大米")]).await, "海安大米").clone();
    assert_eq!(rice.id, found.id);
    assert_eq!((&rice.province, &rice.city), (&found.province, &found.city));
    assert_eq!(rice.approved_year, found.approved_year);
    // An alias in brackets is spelled after the name: found offline by either.
    let walnut = list
        .products
        .iter()
        .find(|p| p.name_zh.starts_with("涞水麻核桃（"))
        .unwrap();
    assert!(
        walnut.letters.starts_with("laishuimahetao"),
        "{}",
        walnut.letters
    );
    assert!(
        walnut.letters.ends_with("yesanpomahetao"),
        "{}",
        walnut.letters
    );
    assert_eq!(walnut.syllables.len(), 5 + 6);
}

#[tokio::test]
async fn the_offline_list_is_sent_again_only_when_it_changed() {
    let app = spawn_app().await;
    let first = app.get("/api/v1/gi/offline").await;
    assert_eq!(first.status(), 200);
    assert_eq!(first.headers()["cache-control"], "no-cache");
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    assert!(etag.starts_with('"') && etag.len() == 34, "{etag}");
    // Made once: the same list, the same tag.
    let again = app.get("/api/v1/gi/offline").await;
    assert_eq!(again.headers()["etag"], etag.as_str());
    assert_eq!(first.bytes().await.unwrap(), again.bytes().await.unwrap());
    // A device that has it asks with its tag and gets no body; the browser's cache sends it
    // weak (`W/`) or among others.
    for sent in [
        etag.clone(),
        format!("W/{etag}"),
        format!("\"other\", {etag}"),
    ] {
        let unchanged = app
            .client
            .get(format!("{}/api/v1/gi/offline", app.base))
            .header("If-None-Match", &sent)
            .send()
            .await
            .unwrap();
        assert_eq!(unchanged.status(), 304, "{sent}");
        assert_eq!(unchanged.headers()["etag"], etag.as_str());
        assert!(unchanged.bytes().await.unwrap().is_empty());
    }
    // Another tag (an older list) gets the list.
    let changed = app
        .client
        .get(format!("{}/api/v1/gi/offline", app.base))
        .header("If-None-Match", "\"0123456789abcdef0123456789abcdef\"")
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), 200);
    let list: GiOfflineList = changed.json().await.unwrap();
    assert_eq!(list.products.len(), PRODUCTS as usize);
}
