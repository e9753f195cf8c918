-- 0004 directory: the EHR's directory (EHR.directory, a VERSIONED_FOLDER). Its versions are versioned_object,
-- object_version and leaf_value rows like those of a composition (rm_type 'FOLDER', allowed since 0003); this
-- column says which FOLDER object is the EHR's directory. NULL until the first directory is created. An EHR has
-- one directory: a new one may be created only when there is none or the current one is deleted, and creating it
-- moves this column from the previous object (or NULL) to the new one, in the creation's transaction, WHERE it
-- still names the previous one: of two concurrent creations one moves it, the other changes no row and is
-- refused. The deleted directory's versions stay, readable by version uid.
ALTER TABLE ehr ADD COLUMN directory_object_id uuid;

GRANT UPDATE (directory_object_id) ON ehr TO fkj_app;
