package org.iechorfile.engine.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

  @Test
  void between_sameWord_zero() {
    assertEquals(0, EditDistance.between("copy", "copy", 2));
  }

  @Test
  void between_transposedLetters_countOnce() {
    assertEquals(1, EditDistance.between("cpoy", "copy", 2));
  }

  @Test
  void between_substitutionInsertionDeletion_countOneEach() {
    assertEquals(1, EditDistance.between("run", "rum", 2));
    assertEquals(1, EditDistance.between("run", "rune", 2));
    assertEquals(2, EditDistance.between("expose", "expo", 2));
  }

  @Test
  void between_lengthsFurtherApartThanLimit_limitPlusOne() {
    assertEquals(3, EditDistance.between("a", "abcd", 2));
    assertEquals(2, EditDistance.between("a", "abc", 1));
  }
}
