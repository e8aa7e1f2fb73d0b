-- The policy library says what each document is (issue #20): the occasion it was published for
-- and when its page went online (both quoted from the source, see data/seed/policies/README.md),
-- and who spoke each statement of a press conference. A statement's heading was the speaker's
-- name; it becomes what the statement is about, as the host announced it, and the name moves
-- to `speaker`. Databases seeded before get the same values as a fresh import.

ALTER TABLE policy_documents ADD COLUMN occasion TEXT NOT NULL DEFAULT '';
ALTER TABLE policy_documents ADD COLUMN published TEXT
    CHECK (published IS NULL OR published GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]');
ALTER TABLE policy_sections ADD COLUMN speaker TEXT
    CHECK (speaker IS NULL OR (json_valid(speaker) AND json_type(speaker) = 'object'));

UPDATE policy_documents SET occasion = '2024年1月,国家知识产权局确定南通市为国家知识产权强市建设示范城市', published = '2024-08-20'
    WHERE slug = 'nantong-2024-ip-strong-city-plan';
UPDATE policy_documents SET occasion = '《南通市知识产权促进和保护条例》将于2025年4月26日(世界知识产权日)正式施行', published = '2025-04-21'
    WHERE slug = 'nantong-2025-ip-regulation-press-conference';
UPDATE policy_documents SET occasion = '宁波市十六届人大常委会第十四次会议文件', published = NULL
    WHERE slug = 'ningbo-2022-ip-protection-decision-report';
UPDATE policy_documents SET occasion = '市政府新闻办在随州广播电视台二楼新闻发布厅召开新闻发布会,通报全市知识产权工作情况及下步工作打算', published = '2023-04-27'
    WHERE slug = 'suizhou-2023-ip-press-conference';
UPDATE policy_documents SET occasion = '2022年3月,苏州市人民政府向江苏省知识产权局申报并获批准建设省知识产权保护示范区', published = '2022-11-10'
    WHERE slug = 'suzhou-2022-ip-protection-demo-zone-plan';

UPDATE policy_sections SET heading = NULL, speaker = '{"name": "缪小娟", "role": "主持人（市政府新闻办专职副主任）"}'
    WHERE doc_slug = 'nantong-2025-ip-regulation-press-conference' AND id = 's1' AND heading = '主持人';
UPDATE policy_sections SET heading = '南通市国家知识产权保护示范区建设成果', speaker = '{"name": "徐加明", "role": "市市场监督管理局局长"}'
    WHERE doc_slug = 'nantong-2025-ip-regulation-press-conference' AND id = 's2' AND heading = '徐加明';
UPDATE policy_sections SET heading = '《南通市知识产权促进和保护条例》立法背景、立法主要过程以及贯彻执行要求', speaker = '{"name": "钱永忠", "role": "市人大常委会法制工作委员会主任"}'
    WHERE doc_slug = 'nantong-2025-ip-regulation-press-conference' AND id = 's3' AND heading = '钱永忠';
UPDATE policy_sections SET heading = '解读《条例》具体内容', speaker = '{"name": "蒋爱龙", "role": "市市场监管局党组成员、知识产权局专职副局长"}'
    WHERE doc_slug = 'nantong-2025-ip-regulation-press-conference' AND id = 's4' AND heading = '蒋爱龙';
