//! Recommendations: filters and order.

use super::*;

both_engines! {
    async fn recommendations_filter_and_sort(db: Store) {
        let rec = |roadmap: &str, position: u32, group: Option<&str>| NewRecommendation {
            roadmap: roadmap.into(),
            position,
            text: format!("R{roadmap}-{position}"),
            scope: if group.is_some() {
                RecommendationScope::Specific
            } else {
                RecommendationScope::General
            },
            thematic_group: group.map(Into::into),
            implementation_status: None,
            challenges: None,
            perspectives: Some("P".into()),
        };
        let mut old = bare(NewBody::ccm(), d(2021, 12, 1), Some("rec-old"));
        old.kind = MeetingKind::SessionReport;
        old.recommendations = vec![rec("2018", 2, None), rec("2018", 1, Some("Protection"))];
        let mut new = bare(NewBody::ccm(), d(2023, 12, 1), Some("rec-new"));
        new.kind = MeetingKind::SessionReport;
        new.recommendations = vec![
            rec("2021", 2, Some("Protection")),
            rec("2018", 3, None),
            rec("2021", 1, Some("Economie alternative")),
        ];
        let id_old = db.meetings().import(&old, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();
        let id_new = db.meetings().import(&new, &cadre_domain::Actor::command_line("test")).await.unwrap().meeting_id();

        let texts = |p: &cadre_storage::Page<cadre_domain::Recommendation>| {
            p.items.iter().map(|r| r.text.clone()).collect::<Vec<_>>()
        };
        let all = db
            .recommendations().list(&RecommendationFilter { audience: Audience::Internal, ..Default::default() })
            .await
            .unwrap();
        assert_eq!(all.total, 5);
        assert_eq!(
            texts(&all),
            vec!["R2018-3", "R2021-1", "R2021-2", "R2018-1", "R2018-2"]
        );
        assert_eq!(all.items[0].meeting_id, id_new);
        assert_eq!(all.items[0].body, "CCM");
        assert_eq!(all.items[1].scope, RecommendationScope::Specific);
        assert_eq!(all.items[1].perspectives.as_deref(), Some("P"));

        let of_old = db
            .recommendations().list(&RecommendationFilter {
                audience: Audience::Internal,
                meeting: Some(id_old),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(texts(&of_old), vec!["R2018-1", "R2018-2"]);
        let roadmap = db
            .recommendations().list(&RecommendationFilter {
                audience: Audience::Internal,
                roadmap: Some("2018".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(texts(&roadmap), vec!["R2018-3", "R2018-1", "R2018-2"]);
        let group = db
            .recommendations().list(&RecommendationFilter {
                audience: Audience::Internal,
                thematic_group: Some("Protection".into()),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(texts(&group), vec!["R2021-2", "R2018-1"]);
        let paged = db
            .recommendations().list(&RecommendationFilter {
                audience: Audience::Internal,
                paging: Paging::page(2, 1),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(
            (paged.total, texts(&paged)),
            (5, vec!["R2021-1".to_string(), "R2021-2".to_string()])
        );
        assert_eq!(db.totals(Audience::Internal).await.unwrap().recommendations, 5);
    }
}
