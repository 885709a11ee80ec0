//! Byte ↔ Unicode code-point offsets. Spans are bytes everywhere inside claimmap; the
//! evaluation format (Python string indices) counts code points, so conversion lives here and
//! is used only by the code that reads or writes that format.

/// A table of the byte offset of every char of one text.
pub struct CodePoints {
    starts: Vec<u32>,
    len: u32,
}

impl CodePoints {
    pub fn new(text: &str) -> Self {
        CodePoints {
            starts: text.char_indices().map(|(i, _)| i as u32).collect(),
            len: text.len() as u32,
        }
    }

    /// The code-point index of a byte offset (rounded down to its char).
    ///
    /// ```
    /// use claimmap::text::CodePoints;
    /// let cp = CodePoints::new("a’b");
    /// assert_eq!(cp.to_char(4), 2); // ’ is three bytes
    /// assert_eq!(cp.to_byte(2), 4);
    /// ```
    pub fn to_char(&self, byte: u32) -> u32 {
        if byte >= self.len {
            return self.starts.len() as u32;
        }
        match self.starts.binary_search(&byte) {
            Ok(i) => i as u32,
            Err(i) => i.saturating_sub(1) as u32,
        }
    }

    /// The byte offset of a code-point index (the text's length past the end).
    pub fn to_byte(&self, ch: u32) -> u32 {
        self.starts.get(ch as usize).copied().unwrap_or(self.len)
    }

    pub fn char_count(&self) -> usize {
        self.starts.len()
    }
}
