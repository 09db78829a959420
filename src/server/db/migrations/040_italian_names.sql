-- No English in Italian names: two organisations were loaded with an English aside from the
-- research notes. Databases seeded before the loader said it in Italian (network-data.ts,
-- italianName) get the same names here; the English words go to the notes. A fresh database has
-- no such rows yet: the seed writes the Italian names itself.
UPDATE organisations
  SET name = 'Associazione Telefono Donna Onlus (oggi ''Telefono Donna Italia'')',
      notes = concat_ws(' ', notes, 'Now ''Telefono Donna Italia''.')
  WHERE name = 'Associazione Telefono Donna Onlus (now ''Telefono Donna Italia'')';
UPDATE organisations
  SET name = 'Istituti Clinici Scientifici Maugeri (già Fondazione Salvatore Maugeri)',
      notes = concat_ws(' ', notes, 'Formerly Fondazione Salvatore Maugeri.')
  WHERE name = 'Istituti Clinici Scientifici Maugeri (formerly Fondazione Salvatore Maugeri)';
