//! A small deterministic generator: `SplitMix64`. Hand-written rather than a
//! crates.io dependency, so a case number and a seed name the same input on
//! every machine and with every version of every dependency.

/// `SplitMix64` (Steele, Lea and Flood, 2014): one 64-bit state, full period.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The generator of case `case` of the run with seed `seed`: every case
    /// can be replayed alone.
    pub fn for_case(seed: u64, case: u64) -> Rng {
        let mut mix = Rng(seed ^ case.wrapping_mul(0xD6E8_FEB8_6659_FD93));
        Rng(mix.next_u64())
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; `n` is not zero.
    pub fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "below(0)");
        let n = u64::try_from(n).expect("usize fits in u64");
        usize::try_from(self.next_u64() % n).expect("below n")
    }

    /// True with the given chance, in percent.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn same_seed_same_numbers() {
        let a: Vec<u64> = {
            let mut rng = Rng::for_case(7, 3);
            (0..8).map(|_| rng.next_u64()).collect()
        };
        let mut rng = Rng::for_case(7, 3);
        assert!(a.iter().all(|n| *n == rng.next_u64()));
        let mut other = Rng::for_case(7, 4);
        assert_ne!(a[0], other.next_u64());
    }

    #[test]
    fn below_stays_below() {
        let mut rng = Rng::new(1);
        let mut seen = [false; 5];
        for _ in 0..200 {
            seen[rng.below(5)] = true;
        }
        assert_eq!(seen, [true; 5]);
    }
}
