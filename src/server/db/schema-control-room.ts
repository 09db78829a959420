import type { ColumnType, Generated } from 'kysely';

/** Kysely types of the control room, working groups, procedures and documents (migration 140). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateCol = ColumnType<string | Date, string, string>;
type DateColNull = ColumnType<string | Date | null, string | null | undefined, string | null>;

export interface DocumentBlobsTable {
  protocol_id: string;
  sha256: string;
  bytes: Uint8Array;
  size_bytes: number;
  created_at: Generated<Date>;
}

export interface DocumentsTable {
  id: Generated<string>;
  protocol_id: string;
  kind: string;
  title: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  uploaded_by: string;
  organisation_id: string;
  uploaded_at: Generated<Date>;
  working_group_id: string | null;
}

export interface WorkingGroupsTable {
  id: Generated<string>;
  protocol_id: string;
  name: string;
  created_at: Generated<Date>;
}

export interface WorkingGroupMembersTable {
  working_group_id: string;
  protocol_id: string;
  organisation_id: string;
}

export interface ControlRoomMeetingsTable {
  id: Generated<string>;
  protocol_id: string;
  working_group_id: string | null;
  held_on: DateCol;
  place: string | null;
  agenda: ColumnType<string[], string[] | undefined, string[]>;
  minutes_document_id: string | null;
  created_by: string;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface ControlRoomAttendanceTable {
  meeting_id: string;
  protocol_id: string;
  organisation_id: string;
}

export interface ControlRoomDecisionsTable {
  id: Generated<string>;
  meeting_id: string;
  protocol_id: string;
  position: number;
  text: string;
}

export interface ControlRoomActionsTable {
  id: Generated<string>;
  meeting_id: string;
  protocol_id: string;
  decision_id: string | null;
  title: string;
  owner_organisation_id: string;
  due_on: DateCol;
  status: Generated<string>;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ProceduresTable {
  id: Generated<string>;
  protocol_id: string;
  title: string;
  applies_to_type: string | null;
  created_at: Generated<Date>;
}

export interface ProcedureVersionsTable {
  id: Generated<string>;
  procedure_id: string;
  protocol_id: string;
  number: number;
  status: Generated<string>;
  document_id: string;
  approved_on: DateColNull;
  act_reference: string | null;
  superseded_on: DateColNull;
  created_at: Generated<Date>;
  version: Generated<number>;
}

export interface ProcedureAcknowledgementsTable {
  version_id: string;
  protocol_id: string;
  organisation_id: string;
  acknowledged_by: string;
  acknowledged_by_name: string;
  acknowledged_at: Generated<Date>;
}

export interface ControlRoomTables {
  document_blobs: DocumentBlobsTable;
  documents: DocumentsTable;
  working_groups: WorkingGroupsTable;
  working_group_members: WorkingGroupMembersTable;
  control_room_meetings: ControlRoomMeetingsTable;
  control_room_attendance: ControlRoomAttendanceTable;
  control_room_decisions: ControlRoomDecisionsTable;
  control_room_actions: ControlRoomActionsTable;
  procedures: ProceduresTable;
  procedure_versions: ProcedureVersionsTable;
  procedure_acknowledgements: ProcedureAcknowledgementsTable;
}
