//! Photos as evidence on visits and activities: how many a record may carry, how large one may
//! be, and the steps the phone takes to shrink a camera picture to that size.

use uuid::Uuid;

/// Largest photo kept, in bytes: a village connection uploads it in seconds.
pub const PHOTO_MAX_BYTES: usize = 300 * 1024;
/// Most photos on one record.
pub const PHOTOS_MAX: usize = 6;

/// The longest side and JPEG quality tried in turn until a photo fits [`PHOTO_MAX_BYTES`]:
/// quality first, then size, so a plain picture keeps its detail. The last step fits any
/// picture (640 px at 0.4 is well under 100 KB even for noise).
pub const SHRINK_STEPS: [(u32, f64); 8] = [
    (1600, 0.82),
    (1600, 0.7),
    (1280, 0.7),
    (1280, 0.6),
    (1024, 0.6),
    (1024, 0.5),
    (800, 0.5),
    (640, 0.4),
];

/// The size a `width` × `height` picture is drawn at so its longest side is at most
/// `max_side`: the same shape, never enlarged, never empty.
pub fn fitted(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let longest = width.max(height).max(1);
    if longest <= max_side {
        return (width.max(1), height.max(1));
    }
    let scale = |side: u32| {
        let scaled = u64::from(side) * u64::from(max_side) / u64::from(longest);
        u32::try_from(scaled).unwrap_or(max_side).max(1)
    };
    (scale(width), scale(height))
}

/// The size in bytes of what a `data:…;base64,` URL holds, without decoding it.
pub fn data_url_bytes(url: &str) -> usize {
    let encoded = url.split_once(";base64,").map_or("", |(_, e)| e);
    let padding = encoded.bytes().rev().take_while(|b| *b == b'=').count();
    (encoded.len() / 4 * 3).saturating_sub(padding)
}

/// Why a record's photos were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("每条记录最多{max}张照片")]
    TooMany { max: usize },
    #[error("同一张照片不能重复添加")]
    Repeated,
}

/// Checks the photo list of a record.
pub fn check_photos(ids: &[Uuid]) -> Result<(), PhotoError> {
    if ids.len() > PHOTOS_MAX {
        return Err(PhotoError::TooMany { max: PHOTOS_MAX });
    }
    let mut seen = ids.to_vec();
    seen.sort_unstable();
    seen.dedup();
    if seen.len() != ids.len() {
        return Err(PhotoError::Repeated);
    }
    Ok(())
}

/// Whether `bytes` are a JPEG picture (what the phone makes), by its signature.
pub fn is_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_camera_picture_is_brought_down_keeping_its_shape() {
        assert_eq!(fitted(4000, 3000, 1600), (1600, 1200));
        assert_eq!(fitted(3000, 4000, 800), (600, 800));
        assert_eq!(fitted(1000, 700, 1600), (1000, 700), "never enlarged");
    }

    #[test]
    fn too_many_or_repeated_photos_are_refused() {
        let ids: Vec<Uuid> = (0..PHOTOS_MAX + 1).map(|_| Uuid::now_v7()).collect();
        assert_eq!(check_photos(&ids[..PHOTOS_MAX]), Ok(()));
        assert_eq!(
            check_photos(&ids),
            Err(PhotoError::TooMany { max: PHOTOS_MAX })
        );
        assert_eq!(check_photos(&[ids[0], ids[0]]), Err(PhotoError::Repeated));
    }

    #[test]
    fn steps_only_ever_get_smaller() {
        for pair in SHRINK_STEPS.windows(2) {
            assert!(pair[1].0 <= pair[0].0 && pair[1].1 <= pair[0].1, "{pair:?}");
        }
        assert!(is_jpeg(&[0xFF, 0xD8, 0xFF, 0xE0]) && !is_jpeg(b"\x89PNG"));
    }

    #[test]
    fn a_data_url_is_measured_as_the_bytes_it_holds() {
        // "abc" → YWJj, "ab" → YWI=, "a" → YQ==
        assert_eq!(data_url_bytes("data:image/jpeg;base64,YWJj"), 3);
        assert_eq!(data_url_bytes("data:image/jpeg;base64,YWJjYWI="), 5);
        assert_eq!(data_url_bytes("data:image/jpeg;base64,YQ=="), 1);
        assert_eq!(data_url_bytes("not a data url"), 0);
    }

    proptest! {
        #[test]
        fn fitted_sides_stay_within_the_limit(w in 1u32..10_000, h in 1u32..10_000, max in 1u32..4000) {
            let (fw, fh) = fitted(w, h, max);
            prop_assert!(fw.max(fh) <= max.max(w.max(h).min(max)));
            prop_assert!(fw >= 1 && fh >= 1 && fw <= w && fh <= h);
        }
    }
}
