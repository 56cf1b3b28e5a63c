//! Which embed each placeholder belongs to, when a page has several Voix script tags.
//!
//! A placeholder (`<div data-voix="letter">`) with its own `data-campaign` belongs to the script with the same
//! campaign URL. Otherwise it belongs to the nearest script tag before it in the document, or to the first
//! script if none comes before it. A script with no placeholder renders the whole campaign after itself.

/// A Voix element of the page, in document order. Campaign URLs are already resolved to absolute URLs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmbedNode {
    Script { campaign: String },
    Placeholder { campaign: Option<String> },
}

/// For each node, the index (among the scripts) of the embed it belongs to. Scripts belong to themselves;
/// `None` is a placeholder that names a campaign no script on the page loads.
pub fn assign(nodes: &[EmbedNode]) -> Vec<Option<usize>> {
    let scripts: Vec<&str> = nodes
        .iter()
        .filter_map(|node| match node {
            EmbedNode::Script { campaign } => Some(campaign.as_str()),
            EmbedNode::Placeholder { .. } => None,
        })
        .collect();
    let mut preceding: Option<usize> = None;
    let mut next_script = 0;
    nodes
        .iter()
        .map(|node| match node {
            EmbedNode::Script { .. } => {
                preceding = Some(next_script);
                next_script += 1;
                preceding
            }
            EmbedNode::Placeholder { campaign: Some(wanted) } => scripts.iter().position(|c| c == wanted),
            EmbedNode::Placeholder { campaign: None } => preceding.or((!scripts.is_empty()).then_some(0)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(c: &str) -> EmbedNode {
        EmbedNode::Script { campaign: c.into() }
    }
    fn slot(c: Option<&str>) -> EmbedNode {
        EmbedNode::Placeholder { campaign: c.map(Into::into) }
    }

    #[test]
    fn one_script_takes_every_placeholder_before_or_after_it() {
        let nodes = [slot(None), script("a"), slot(None)];
        assert_eq!(assign(&nodes), [Some(0), Some(0), Some(0)]);
    }

    #[test]
    fn placeholders_follow_the_nearest_script_before_them() {
        let nodes = [script("a"), slot(None), script("b"), slot(None), slot(None)];
        assert_eq!(assign(&nodes), [Some(0), Some(0), Some(1), Some(1), Some(1)]);
    }

    #[test]
    fn a_named_campaign_wins_over_position() {
        let nodes = [script("a"), script("b"), slot(Some("a")), slot(Some("zzz"))];
        assert_eq!(assign(&nodes), [Some(0), Some(1), Some(0), None]);
    }

    #[test]
    fn placeholders_without_any_script_belong_to_nothing() {
        assert_eq!(assign(&[slot(None)]), [None]);
    }
}
