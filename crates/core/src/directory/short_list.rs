//! Which ridings to offer for a Forward Sortation Area, and in what order: the rule `voix data build` applies to the
//! FSA → riding area-overlap table, written once here so the build, the CLI's evaluation and the tests agree.
//!
//! About a third of FSAs are split between ridings, so no single answer per FSA can be right. The short list is
//! every riding of the postal code's province holding at least [`MIN_SHARE_PERMILLE`] of the FSA's area (shares
//! renormalised after the ridings of other provinces are dropped: the overlap table was computed across borders),
//! largest first. Area is not population (downtown and rural land in one FSA): when the FSA's probed point (the
//! older one-riding-per-FSA hint) falls in a riding that holds at least [`HINT_DECIDES_PERMILLE`] of the area, the
//! areas are too close to tell, and that riding goes first. Measured on real postal codes (MP offices), `voix
//! lookup --evaluate`: see data/README.md. And when the probed point lies in a riding that holds less than 1% of
//! the area (downtown Calgary's T2P is 99.6% rural Bow River by area, but its addresses are in Calgary Centre), that
//! riding is still offered, last: the point found addresses there (only if the riding touches the FSA at all).

use super::FedNum;

/// A riding holding less of the FSA's area than this (in thousandths) is not offered: 1%.
pub const MIN_SHARE_PERMILLE: u16 = 10;

/// The hint's riding goes first when it holds at least this much of the area (in thousandths): 30%.
pub const HINT_DECIDES_PERMILLE: u16 = 300;

/// One riding of an FSA's short list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RidingShare {
    pub fed_num: FedNum,
    /// Its share of the FSA's area, in thousandths (within the province); `None` when the riding comes from the
    /// hint alone (an FSA without geometry).
    pub permille: Option<u16>,
}

/// The short list for one FSA: `shares` are `(riding, share of the FSA's area)` for the ridings of the FSA's
/// province(s) only, in any order; `hint` the FSA's probed riding, if any.
pub fn short_list(shares: &[(FedNum, f64)], hint: Option<FedNum>) -> Vec<RidingShare> {
    let total: f64 = shares.iter().map(|(_, share)| share.max(0.0)).sum();
    if total <= 0.0 {
        return hint.map(|fed_num| RidingShare { fed_num, permille: None }).into_iter().collect();
    }
    let all: Vec<RidingShare> = shares
        .iter()
        .map(|(fed_num, share)| {
            let permille = (share.max(0.0) / total * 1000.0).round().min(1000.0) as u16;
            RidingShare { fed_num: *fed_num, permille: Some(permille) }
        })
        .collect();
    let mut list: Vec<RidingShare> =
        all.iter().copied().filter(|riding| riding.permille >= Some(MIN_SHARE_PERMILLE)).collect();
    list.sort_by(|a, b| b.permille.cmp(&a.permille).then(a.fed_num.cmp(&b.fed_num)));
    let Some(hint) = hint else { return list };
    match list.iter().position(|riding| riding.fed_num == hint) {
        Some(position) if list[position].permille >= Some(HINT_DECIDES_PERMILLE) => {
            let riding = list.remove(position);
            list.insert(0, riding);
        }
        Some(_) => {}
        // Offered last only when the riding touches the FSA at all: a point in a riding the FSA's shape never
        // reaches is more likely the hint's error than the geometry's.
        None => list.extend(all.iter().copied().filter(|riding| riding.fed_num == hint)),
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fed_nums(list: &[RidingShare]) -> Vec<u32> {
        list.iter().map(|riding| riding.fed_num.0).collect()
    }

    #[test]
    fn largest_share_first_and_slivers_left_out() {
        let shares = [(FedNum(35002), 0.25), (FedNum(35001), 0.7), (FedNum(35003), 0.045), (FedNum(35004), 0.005)];
        let list = short_list(&shares, None);
        assert_eq!(fed_nums(&list), [35001, 35002, 35003]);
        assert_eq!(list[0].permille, Some(700));
    }

    #[test]
    fn shares_are_of_the_province_alone() {
        // 40% of the FSA's area was across the border: what remains is split 50/50 (and ties go by number).
        let list = short_list(&[(FedNum(35010), 0.3), (FedNum(35009), 0.3)], None);
        assert_eq!(list.iter().map(|r| r.permille).collect::<Vec<_>>(), [Some(500), Some(500)]);
        assert_eq!(fed_nums(&list), [35009, 35010]);
    }

    #[test]
    fn the_probed_point_breaks_a_near_tie_but_not_a_clear_answer() {
        let close = [(FedNum(35032), 0.585), (FedNum(35039), 0.415)];
        assert_eq!(fed_nums(&short_list(&close, Some(FedNum(35039)))), [35039, 35032]);
        let clear = [(FedNum(48019), 0.983), (FedNum(48031), 0.017)];
        assert_eq!(fed_nums(&short_list(&clear, Some(FedNum(48031)))), [48019, 48031]);
    }

    #[test]
    fn the_probed_point_s_riding_is_offered_even_with_a_sliver_of_the_area() {
        let t2p = [(FedNum(48003), 0.996), (FedNum(48004), 0.004)];
        let list = short_list(&t2p, Some(FedNum(48004)));
        assert_eq!(fed_nums(&list), [48003, 48004]);
        assert_eq!(list[1].permille, Some(4));
        assert_eq!(fed_nums(&short_list(&t2p, Some(FedNum(48010)))), [48003], "a riding the FSA never reaches");
    }

    #[test]
    fn without_geometry_the_hint_alone_without_a_share() {
        assert_eq!(short_list(&[], Some(FedNum(24017))), [RidingShare { fed_num: FedNum(24017), permille: None }]);
        assert!(short_list(&[], None).is_empty());
    }
}
