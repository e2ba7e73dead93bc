SELECT 'outside every version folder';
