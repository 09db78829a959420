-- No English in Italian names: two organisations were loaded with an English aside from the
-- research notes. The loader now says them the Italian way (network-data.ts, ALIASES); databases
-- seeded before get the same names here. A fresh database has no such rows yet.
UPDATE organisations
  SET name = 'Telefono Donna Italia (già Associazione Telefono Donna Onlus)'
  WHERE name = 'Associazione Telefono Donna Onlus (now ''Telefono Donna Italia'')';
UPDATE organisations
  SET name = 'Istituti Clinici Scientifici Maugeri (già Fondazione Salvatore Maugeri)'
  WHERE name = 'Istituti Clinici Scientifici Maugeri (formerly Fondazione Salvatore Maugeri)';
